package org.mercato.messaging.events;

import java.util.List;
import java.util.Optional;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

import org.mercato.messaging.RejectedMessageException;

/**
 * Writes and reads event bodies with JSON-B (Jakarta JSON Binding 3): the one mapping between the contract records
 * of this package and the JSON text on the wire. Optional fields are written as {@code null}.
 */
public final class EventJson {

    /** Every contract Mercato's services publish or consume, newest version of each type. */
    public static final List<EventContract<?>> CONTRACTS = List.of(ProductChanged.CONTRACT,
            StockAvailabilityChanged.CONTRACT, StockLow.CONTRACT, StockAdjusted.CONTRACT, OrderPlaced.CONTRACT,
            OrderCancelled.CONTRACT, PaymentRefunded.CONTRACT, ShipmentCreated.CONTRACT,
            ShipmentDispatched.CONTRACT);

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
            .withDeserializers(StrictScalars.all()));

    private EventJson() {
    }

    /** The body as JSON text. */
    public static String write(Record body) {
        return JSONB.toJson(body);
    }

    /**
     * Reads a body of the contract's shape.
     *
     * @throws RejectedMessageException if the text is not a JSON object of that shape or a required field is
     *             missing or malformed (the reason names it)
     */
    public static <T> T read(String json, EventContract<T> contract) {
        if (json == null || json.isBlank()) {
            throw new RejectedMessageException(contract.eventType() + " has no body");
        }
        try {
            T body = JSONB.fromJson(json, contract.body());
            if (body == null) {
                throw new RejectedMessageException(contract.eventType() + " has a null body");
            }
            return body;
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            throw new RejectedMessageException(contract.eventType() + " v" + contract.schemaVersion()
                    + " body unreadable: " + rootMessage(e), e);
        }
    }

    /** The contract of an event type, if Mercato knows it. */
    public static Optional<EventContract<?>> contract(String eventType) {
        return CONTRACTS.stream().filter(c -> c.eventType().equals(eventType)).findFirst();
    }

    /**
     * The deepest cause's message after the path of the properties it concerns, as JSON-B names them from the
     * outside in (e.g. {@code lines.quantity: a whole number was expected}).
     */
    private static String rootMessage(Throwable e) {
        String marker = "Unable to deserialize property '";
        java.util.List<String> path = new java.util.ArrayList<>();
        Throwable cause = e;
        while (true) {
            String message = cause.getMessage();
            if (message != null && message.startsWith(marker)) {
                String property = message.substring(marker.length(), message.indexOf('\'', marker.length()));
                if (path.isEmpty() || !path.get(path.size() - 1).equals(property)) {
                    path.add(property);
                }
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        String root = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof jakarta.json.stream.JsonParsingException) {
            // the text itself is broken, whatever the field
            return "not JSON (" + root + ")";
        }
        return path.isEmpty() ? root : String.join(".", path) + ": " + root;
    }
}
