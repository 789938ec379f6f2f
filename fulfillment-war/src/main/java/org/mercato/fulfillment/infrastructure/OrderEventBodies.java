package org.mercato.fulfillment.infrastructure;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.mercato.fulfillment.application.NewShipment;
import org.mercato.fulfillment.domain.Recipient;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShippingAddress;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;

/**
 * Reads the order service's events (docs/events.md, schemaVersion 1) into this service's terms, checking
 * everything a shipment needs before anything changes: a body that can never make a shipment is refused with
 * the reason, and the consumer parks it on the dead-letter queue.
 */
final class OrderEventBodies {

    static final String ORDER_PLACED = "OrderPlaced";
    static final String ORDER_CANCELLED = "OrderCancelled";

    /** What OrderCancelled says; reason and cancelledBy may be null. */
    record Cancellation(String orderId, String reason, String cancelledBy) {
    }

    private OrderEventBodies() {
    }

    static NewShipment placed(ReceivedEvent event) {
        String orderId = event.string("orderId");
        try {
            JsonObject customer = event.object("customer");
            JsonObject address = event.object("shippingAddress");
            ShippingAddress shipTo = new ShippingAddress(text(address, "name"), text(address, "line1"),
                    text(address, "line2"), text(address, "city"), text(address, "postalCode"),
                    text(address, "country"));
            // the shipping email goes to the customer; the parcel is addressed to the address's name
            String name = text(customer, "name");
            Recipient recipient = new Recipient(text(customer, "email"), name == null ? shipTo.name() : name);
            return new NewShipment(checkedOrderId(orderId), recipient, shipTo, lines(event.body().get("lines")));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RejectedMessageException(ORDER_PLACED + " for order " + orderId + " cannot make a shipment: "
                    + e.getMessage(), e);
        }
    }

    static Cancellation cancelled(ReceivedEvent event) {
        String orderId = event.string("orderId");
        try {
            return new Cancellation(checkedOrderId(orderId), event.optionalString("reason"),
                    event.optionalString("cancelledBy"));
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException(ORDER_CANCELLED + ": " + e.getMessage(), e);
        }
    }

    private static String checkedOrderId(String orderId) {
        if (orderId.length() > 64) {
            throw new IllegalArgumentException("orderId must have at most 64 characters");
        }
        return orderId;
    }

    private static List<ShipmentLine> lines(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > Shipment.MAX_LINES) {
            throw new IllegalArgumentException("lines must be an array of 1 to " + Shipment.MAX_LINES + " lines");
        }
        List<ShipmentLine> lines = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject line)) {
                throw new IllegalArgumentException("every line must be an object");
            }
            if (!(line.get("quantity") instanceof JsonNumber quantity) || !quantity.isIntegral()) {
                throw new IllegalArgumentException("line quantity must be a whole number");
            }
            String sku = text(line, "sku");
            String name = text(line, "name");
            lines.add(new ShipmentLine(sku, name == null ? sku : name, quantity.intValueExact()));
        }
        return lines;
    }

    /** A string field, null when absent or null; anything but a string is refused. */
    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return string.getString();
    }
}
