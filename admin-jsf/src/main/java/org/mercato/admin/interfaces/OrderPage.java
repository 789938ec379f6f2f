package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;

/**
 * Backs order.xhtml: one order with its lines, totals, status timeline, payment (payments) and shipment
 * (fulfillment), and the staff's steps on it: cancel, refund all or part (an Idempotency-Key per confirmation
 * dialog, so a double click refunds once) and mark delivered.
 */
@Named
@ViewScoped
public class OrderPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Set<String> CANCELLABLE = Set.of("PENDING", "PAID", "FULFILLING");

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    StaffActions actions;

    private String id;
    private JsonObject order;
    private JsonObject payment;
    private JsonObject shipment;
    private List<JsonObject> emails = List.of();

    private String cancelReason;
    private BigDecimal refundAmount;
    private String refundReason;
    /** The key of the open dialog's request: a second click on its button replays, never repeats. */
    private String actionKey;

    /** f:viewAction: reads the order and what the other services know of it. */
    public void load() {
        order = null;
        payment = null;
        shipment = null;
        emails = List.of();
        try {
            UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException notAnId) {
            StaffActions.error("order", "There is no order " + id + ".");
            return;
        }
        try {
            String bearer = session.bearer();
            order = StoredJson.of(ServiceFailure.call("orders", () -> apis.orders().order(id, bearer)));
        } catch (ServiceFailure failure) {
            StaffActions.error("order", failure.status() == 404
                    ? "There is no order " + id + "."
                    : failure
                            .getMessage());
            return;
        }
        try {
            String bearer = session.bearer();
            List<JsonObject> payments = ServiceFailure.call("payments", () -> apis.payments().forOrder(id, bearer))
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            payment = StoredJson
                    .of(payments.stream().filter(p -> p.getString("id").equals(order.getString("paymentId", "")))
                            .findFirst().orElse(payments.isEmpty() ? null : payments.get(payments.size() - 1)));
        } catch (ServiceFailure failure) {
            StaffActions.error("payment", failure.getMessage());
        }
        try {
            String bearer = session.bearer();
            List<JsonObject> shipments = ServiceFailure.call("fulfillment", () -> apis.fulfillment().shipments(null,
                    id, 0, 5, bearer)).getJsonArray("items").getValuesAs(JsonObject.class);
            shipment = shipments.isEmpty() ? null : StoredJson.of(shipments.get(0));
        } catch (ServiceFailure failure) {
            StaffActions.error("shipment", failure.getMessage());
        }
        try {
            String bearer = session.bearer();
            emails = StoredJson.list(ServiceFailure.call("notifications", () -> apis.notifications().emails(id,
                    null, 0, 20, bearer)).getJsonArray("items"));
        } catch (ServiceFailure failure) {
            StaffActions.error("orderEmails", failure.getMessage());
        }
    }

    /** A dialog opens: a fresh key for its request, and its fields cleared. */
    public void prepare() {
        actionKey = UUID.randomUUID().toString();
        cancelReason = null;
        refundAmount = null;
        refundReason = null;
    }

    public void cancel() {
        String what = "cancel order " + id;
        try {
            String bearer = session.bearer();
            JsonObjectBuilder body = Json.createObjectBuilder();
            if (cancelReason != null && !cancelReason.isBlank()) {
                body.add("reason", cancelReason.strip());
            }
            ServiceFailure.call("orders", () -> apis.orders().cancel(id, body.build(), key(), bearer));
            actions.audit("cancelled order " + id);
            StaffActions.info("Order cancelled.");
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error(failure.getMessage());
        }
        load();
    }

    public void markDelivered() {
        try {
            String bearer = session.bearer();
            ServiceFailure.call("orders", () -> apis.orders().delivered(id, key(), bearer));
            actions.audit("marked order " + id + " delivered");
            StaffActions.info("Order marked delivered.");
        } catch (ServiceFailure failure) {
            actions.auditRefused("mark order " + id + " delivered", failure);
            StaffActions.error(failure.getMessage());
        }
        load();
    }

    /** Refunds the amount entered (in the currency's major units), or everything still refundable without one. */
    public void refund() {
        if (payment == null) {
            StaffActions.error("This order has no payment to refund.");
            return;
        }
        String paymentId = payment.getString("id");
        String currency = payment.getJsonObject("amount").getString("currency");
        JsonObjectBuilder body = Json.createObjectBuilder().add("paymentId", paymentId);
        Long minor = null;
        if (refundAmount != null) {
            try {
                minor = toMinor(refundAmount, currency);
            } catch (ArithmeticException tooPrecise) {
                StaffActions.error("The amount has more decimals than " + currency + " has.");
                return;
            }
            if (minor <= 0) {
                StaffActions.error("The amount must be above zero.");
                return;
            }
            body.add("amount", minor);
        }
        if (refundReason != null && !refundReason.isBlank()) {
            body.add("reason", refundReason.strip());
        }
        String how = minor == null ? "the rest" : new Formats().minor(minor, currency);
        try {
            String bearer = session.bearer();
            JsonObject refund = ServiceFailure.call("payments", () -> apis.payments().refund(body.build(), key(),
                    bearer));
            actions.audit("refunded " + how + " of payment " + paymentId + " (order " + id + ")");
            StaffActions.info("Refunded " + new Formats().money(refund.getJsonObject("amount")) + ".");
        } catch (ServiceFailure failure) {
            actions.auditRefused("refund " + how + " of payment " + paymentId, failure);
            StaffActions.error(failure.getMessage());
        }
        load();
    }

    /** 12.34 EUR as 1234; more decimals than the currency has is refused, not rounded. */
    static long toMinor(BigDecimal amount, String currency) {
        return amount.setScale(Formats.fractionDigits(currency)).unscaledValue().longValueExact();
    }

    private String key() {
        return actionKey == null ? UUID.randomUUID().toString() : actionKey;
    }

    public boolean isCancellable() {
        return order != null && CANCELLABLE.contains(order.getString("status"));
    }

    public boolean isDeliverable() {
        return order != null && "SHIPPED".equals(order.getString("status"));
    }

    public boolean isRefundable() {
        return payment != null && payment.getJsonNumber("refundable").longValue() > 0;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The emails sent about this order (notifications), newest first. */
    public List<JsonObject> getEmails() {
        return emails;
    }

    public JsonObject getOrder() {
        return order;
    }

    public JsonObject getPayment() {
        return payment;
    }

    public JsonObject getShipment() {
        return shipment;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(BigDecimal refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public void setRefundReason(String refundReason) {
        this.refundReason = refundReason;
    }
}
