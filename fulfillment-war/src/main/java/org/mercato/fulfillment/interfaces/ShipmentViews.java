package org.mercato.fulfillment.interfaces;

import java.time.Instant;

import jakarta.json.Json;

import org.mercato.platform.web.Paging;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.fulfillment.application.FulfillmentService;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShippingAddress;
import org.mercato.fulfillment.domain.StatusChange;

/** Shipments as the staff API shows them; absent values are JSON nulls, so every view has the same keys. */
final class ShipmentViews {

    private ShipmentViews() {
    }

    static JsonObject page(FulfillmentService.Page page, Paging paging) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(shipment -> items.add(shipment(shipment)));
        return paging.answer(items, page.total());
    }

    static JsonObject shipment(Shipment shipment) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (ShipmentLine line : shipment.lines()) {
            lines.add(Json.createObjectBuilder().add("sku", line.sku()).add("name", line.name())
                    .add("quantity", line.quantity()));
        }
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (StatusChange change : shipment.history()) {
            JsonObjectBuilder step = Json.createObjectBuilder();
            text(step, "from", change.from() == null ? null : change.from().name());
            step.add("to", change.to().name()).add("at", change.at().toString()).add("actor", change.actor());
            text(step, "note", change.note());
            history.add(step);
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", shipment.id().toString())
                .add("orderId", shipment.orderId()).add("status", shipment.status().name()).add("lines", lines)
                .add("recipient", Json.createObjectBuilder().add("email", shipment.recipient().email())
                        .add("name", shipment.recipient().name()))
                .add("shippingAddress", address(shipment.shippingAddress()));
        text(json, "carrier", shipment.carrier());
        text(json, "trackingNumber", shipment.trackingNumber());
        json.add("history", history).add("createdAt", shipment.createdAt().toString());
        text(json, "dispatchedAt", instant(shipment.dispatchedAt()));
        return json.add("updatedAt", shipment.updatedAt().toString()).build();
    }

    private static JsonObjectBuilder address(ShippingAddress address) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", address.name()).add("line1",
                address.line1());
        text(json, "line2", address.line2());
        return json.add("city", address.city()).add("postalCode", address.postalCode())
                .add("country", address.country());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
