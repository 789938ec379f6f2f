package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs orders.xhtml: every customer's orders, a page at a time from the orders API ({@code all=true}), newest or
 * oldest first, filtered by status; an order number opens that order. The orders API filters by status only, so
 * that is what the table offers.
 */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final List<String> STATUSES = List.of("PENDING", "PAID", "FULFILLING", "SHIPPED", "DELIVERED", "FAILED",
            "CANCELLED", "REFUNDED");

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    private String status;
    private String number;

    private final LazyDataModel<JsonObject> orders = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) total(page(0, 1));
            } catch (ServiceFailure failure) {
                StaffActions.error("orders", failure.getMessage());
                return 0;
            }
        }

        @Override
        public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                boolean oldestFirst = sortBy.values().stream()
                        .anyMatch(s -> "createdAt".equals(s.getField()) && s.getOrder() == SortOrder.ASCENDING);
                if (!oldestFirst && first % pageSize == 0) {
                    JsonObject page = page(first / pageSize, pageSize);
                    setRowCount((int) total(page));
                    return page.getJsonArray("items").getValuesAs(JsonObject.class);
                }
                long total = total(page(0, 1));
                setRowCount((int) total);
                return NewestFirstPages.window((p, size) -> page(p, size).getJsonArray("items")
                        .getValuesAs(JsonObject.class), total, first, pageSize, oldestFirst);
            } catch (ServiceFailure failure) {
                StaffActions.error("orders", failure.getMessage());
                return List.of();
            }
        }

        @Override
        public String getRowKey(JsonObject order) {
            return order.getString("id");
        }

        @Override
        public JsonObject getRowData(String rowKey) {
            return null;
        }
    };

    private JsonObject page(int page, int size) {
        String bearer = session.bearer();
        String wanted = status == null || status.isBlank() ? null : status;
        return ServiceFailure.call("orders", () -> apis.orders().orders(true, wanted, page, size, bearer));
    }

    private static long total(JsonObject page) {
        return page.getJsonNumber("total").longValue();
    }

    /** Opens the order with this number (its id), if there is one. */
    public String open() {
        String id = number == null ? "" : number.trim();
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            StaffActions.error("orders", "An order number looks like 0b9f3c1e-8a2d-4f6b-9c51-2f8e7d6a4b10.");
            return null;
        }
        try {
            String bearer = session.bearer();
            ServiceFailure.call("orders", () -> apis.orders().order(id, bearer));
            return "/order?faces-redirect=true&id=" + id;
        } catch (ServiceFailure failure) {
            StaffActions.error("orders", failure.status() == 404
                    ? "There is no order " + id + "."
                    : failure
                            .getMessage());
            return null;
        }
    }

    public LazyDataModel<JsonObject> getOrders() {
        return orders;
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

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
