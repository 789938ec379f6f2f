package org.mercato.order.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.messaging.Topics;
import org.mercato.messaging.outbox.Outbox;
import org.mercato.order.application.OrderEvents;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.platform.money.MoneyJson;

/** OrderPlaced and OrderCancelled on mercato.orders (docs/events.md), saved in the change's transaction. */
@ApplicationScoped
public class OutboxOrderEvents implements OrderEvents {

    static final String PLACED = "OrderPlaced";
    static final String CANCELLED = "OrderCancelled";

    @Inject
    Outbox outbox;

    @Override
    public void placed(Order order) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (OrderLine line : order.lines()) {
            lines.add(Json.createObjectBuilder().add("sku", line.sku()).add("name", line.name())
                    .add("quantity", line.quantity()).add("unitPrice", MoneyJson.of(line.unitPrice()))
                    .add("total", MoneyJson.of(line.total())));
        }
        var totals = order.totals();
        JsonObjectBuilder body = Json.createObjectBuilder().add("orderId", order.id().toString())
                .add("customer", customer(order.customer())).add("lines", lines)
                .add("totals", Json.createObjectBuilder().add("subtotal", MoneyJson.of(totals.subtotal()))
                        .add("shipping", MoneyJson.of(totals.shipping())).add("tax", MoneyJson.of(totals.tax()))
                        .add("total", MoneyJson.of(totals.total())).add("taxIncluded", totals.taxIncluded()))
                .add("shippingAddress", address(order.shippingAddress())).add("paymentId", order.paymentId())
                .add("placedAt", order.updatedAt().toString());
        if (order.cartId() != null) {
            body.add("cartId", order.cartId());
        }
        outbox.add(Topics.ORDERS, PLACED, 1, body.build().toString());
    }

    @Override
    public void cancelled(Order order, String reason, String actor, boolean refunded) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        order.lines().forEach(line -> lines.add(Json.createObjectBuilder().add("sku", line.sku())
                .add("quantity", line.quantity())));
        outbox.add(Topics.ORDERS, CANCELLED, 1, Json.createObjectBuilder().add("orderId", order.id().toString())
                .add("reason", reason == null ? "" : reason).add("cancelledBy", actor).add("refunded", refunded)
                .add("customer", customer(order.customer())).add("lines", lines)
                .add("total", MoneyJson.of(order.totals().total()))
                .add("cancelledAt", order.updatedAt().toString()).build().toString());
    }

    static JsonObject customer(Customer customer) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", customer.id());
        add(json, "email", customer.email());
        add(json, "name", customer.name());
        return json.build();
    }

    static JsonObject address(ShippingAddress a) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", a.name()).add("line1", a.line1());
        add(json, "line2", a.line2());
        return json.add("city", a.city()).add("postalCode", a.postalCode()).add("country", a.country()).build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
