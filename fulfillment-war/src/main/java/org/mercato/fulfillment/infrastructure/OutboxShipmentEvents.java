package org.mercato.fulfillment.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.fulfillment.application.ShipmentEvents;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShippingAddress;
import org.mercato.messaging.Topics;
import org.mercato.messaging.outbox.Outbox;

/**
 * ShipmentCreated and ShipmentDispatched on mercato.fulfillment, saved in the changing transaction (the outbox).
 * The bodies are those of docs/events.md: the order service and the shipping email need nothing else.
 */
@ApplicationScoped
public class OutboxShipmentEvents implements ShipmentEvents {

    public static final String CREATED = "ShipmentCreated";
    public static final String DISPATCHED = "ShipmentDispatched";
    static final int SCHEMA_VERSION = 1;

    @Inject
    Outbox outbox;

    protected OutboxShipmentEvents() {
        // for CDI
    }

    public OutboxShipmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void created(Shipment shipment) {
        outbox.add(Topics.FULFILLMENT, CREATED, SCHEMA_VERSION, Json.createObjectBuilder()
                .add("shipmentId", shipment.id().toString()).add("orderId", shipment.orderId())
                .add("createdAt", shipment.createdAt().toString()).build().toString());
    }

    @Override
    public void dispatched(Shipment shipment) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (ShipmentLine line : shipment.lines()) {
            lines.add(Json.createObjectBuilder().add("sku", line.sku()).add("name", line.name())
                    .add("quantity", line.quantity()));
        }
        outbox.add(Topics.FULFILLMENT, DISPATCHED, SCHEMA_VERSION, Json.createObjectBuilder()
                .add("shipmentId", shipment.id().toString()).add("orderId", shipment.orderId())
                .add("carrier", shipment.carrier()).add("trackingNumber", shipment.trackingNumber())
                .add("dispatchedAt", shipment.dispatchedAt().toString())
                .add("recipient", Json.createObjectBuilder().add("email", shipment.recipient().email())
                        .add("name", shipment.recipient().name()))
                .add("shippingAddress", address(shipment.shippingAddress())).add("lines", lines).build()
                .toString());
    }

    /** The address in the shape of DESIGN §5, line2 null when there is none (as OrderPlaced carries it). */
    private static JsonObject address(ShippingAddress address) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", address.name()).add("line1",
                address.line1());
        if (address.line2() == null) {
            json.addNull("line2");
        } else {
            json.add("line2", address.line2());
        }
        return json.add("city", address.city()).add("postalCode", address.postalCode())
                .add("country", address.country()).build();
    }
}
