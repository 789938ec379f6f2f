package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs fulfillment.xhtml: the warehouse's queue of shipments by status (new ones to pick first), a page at a time
 * from the fulfillment API, and the next step on each: pick, pack, dispatch (the carrier's tracking number is
 * issued then and shown), deliver, or cancel while the parcel is still in the warehouse. A step the shipment has
 * already taken (a double click, a colleague's click) is refused by the service's transition table and said so.
 */
@Named
@ViewScoped
public class FulfillmentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final List<String> STATUSES = List.of("NEW", "PICKED", "PACKED", "DISPATCHED", "DELIVERED", "CANCELLED");
    /** The step each status offers next, as the fulfillment API names it. */
    static final Map<String, String> NEXT_STEP = Map.of("NEW", "pick", "PICKED", "pack", "PACKED", "dispatch",
            "DISPATCHED", "deliver");
    static final Set<String> STEPS = Set.of("pick", "pack", "dispatch", "deliver", "cancel");

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    StaffActions actions;

    private String status = "NEW";

    private final LazyDataModel<JsonObject> shipments = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) page(0, 1).getJsonNumber("total").longValue();
            } catch (ServiceFailure failure) {
                StaffActions.error("shipments", failure.getMessage());
                return 0;
            }
        }

        @Override
        public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                JsonObject page = page(first / pageSize, pageSize);
                setRowCount((int) page.getJsonNumber("total").longValue());
                return StoredJson.list(page.getJsonArray("items"));
            } catch (ServiceFailure failure) {
                StaffActions.error("shipments", failure.getMessage());
                return List.of();
            }
        }

        @Override
        public String getRowKey(JsonObject shipment) {
            return shipment.getString("id");
        }

        @Override
        public JsonObject getRowData(String rowKey) {
            return null;
        }
    };

    private JsonObject page(int page, int size) {
        String bearer = session.bearer();
        String wanted = status == null || status.isBlank() ? null : status;
        return ServiceFailure.call("fulfillment", () -> apis.fulfillment().shipments(wanted, null, page, size,
                bearer));
    }

    /** Takes {@code step} (pick, pack, dispatch, deliver, cancel) on shipment {@code id}. */
    public void step(String id, String step) {
        if (!STEPS.contains(step)) {
            StaffActions.error("shipments", "Unknown step " + step + ".");
            return;
        }
        String what = step + " shipment " + id;
        try {
            String bearer = session.bearer();
            JsonObject shipment = ServiceFailure.call("fulfillment", () -> apis.fulfillment().step(id, step,
                    bearer));
            actions.audit("did " + what);
            String tracking = shipment.isNull("trackingNumber") ? null : shipment.getString("trackingNumber");
            StaffActions.info("Shipment for order " + shipment.getString("orderId").substring(0, 8) + " is now "
                    + shipment.getString("status") + (tracking != null && "dispatch".equals(step)
                            ? ", tracking number " + tracking
                            : "")
                    + ".");
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error("shipments", failure.getMessage());
        }
    }

    /** The step the shipment's status offers next, or null when it has none (delivered, cancelled). */
    public String nextStep(JsonObject shipment) {
        return NEXT_STEP.get(shipment.getString("status"));
    }

    /** Still in the warehouse: it can be cancelled. */
    public boolean cancellable(JsonObject shipment) {
        return Set.of("NEW", "PICKED", "PACKED").contains(shipment.getString("status"));
    }

    /** "2 × Oak chair, 1 × Lamp": what to pick. */
    public String items(JsonObject shipment) {
        StringBuilder text = new StringBuilder();
        for (JsonObject line : shipment.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(line.getInt("quantity")).append(" × ").append(line.getString("name")).append(" (")
                    .append(line.getString("sku")).append(')');
        }
        return text.toString();
    }

    public LazyDataModel<JsonObject> getShipments() {
        return shipments;
    }

    public List<String> getStatuses() {
        return STATUSES;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
