package org.mercato.fulfillment.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;
import org.mercato.fulfillment.application.FulfillmentService;
import org.mercato.fulfillment.domain.FulfillmentException;
import org.mercato.fulfillment.domain.IllegalShipmentStepException;
import org.mercato.fulfillment.domain.Recipient;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentLine;
import org.mercato.fulfillment.domain.ShipmentStatus;
import org.mercato.fulfillment.domain.ShippingAddress;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.Roles;

/** The staff API's checks and JSON without a container: bad queries are refused before the service is asked. */
class ShipmentResourceTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    /** No service behind it: a check that let a bad query through would fail with a NullPointerException. */
    private final ShipmentResource resource = new ShipmentResource();

    private int refusal(Runnable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call::run);
        if (e instanceof FulfillmentException refused) {
            return refused.status();
        }
        if (e instanceof ProblemException problem) {
            return problem.problem().status();
        }
        throw new AssertionError("not a problem answer: " + e, e);
    }

    @Test
    void everyEndpointIsForStaffAndAdminsOnly() {
        int endpoints = 0;
        for (Method method : ShipmentResource.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)) {
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                assertNotNull(roles, method.getName());
                // a customer's token gets 403
                assertEquals(Set.of(Roles.STAFF, Roles.ADMIN), Set.of(roles.value()), method.getName());
                endpoints++;
            }
        }
        assertEquals(7, endpoints);
    }

    @Test
    void badPagingOrFiltersAre400() {
        // non-numbers ("abc", "1.5") are refused by JAX-RS before the resource: PagingIT covers them
        assertEquals(400, refusal(() -> resource.list(null, null, -1, 20)));
        assertEquals(400, refusal(() -> resource.list(null, null, 0, 0)));
        assertEquals(400, refusal(() -> resource.list(null, null, 0, 101)));
        assertEquals(400, refusal(() -> resource.list(null, null, 10_001, 1)));
        assertEquals(400, refusal(() -> resource.list("LOST", null, 0, 20)));
        assertEquals(400, refusal(() -> resource.list(null, "o".repeat(65), 0, 20)));
    }

    @Test
    void aCancellationReasonIsOptional() {
        assertNull(ShipmentResource.reason(null));
        assertNull(ShipmentResource.reason(" "));
        assertNull(ShipmentResource.reason("{}"));
        assertEquals("damaged", ShipmentResource.reason("{\"reason\": \"damaged\"}"));
        assertEquals(400, refusal(() -> ShipmentResource.reason("damaged")));
        assertEquals(400, refusal(() -> ShipmentResource.reason("{\"reason\": 5}")));
        assertEquals(400, refusal(() -> ShipmentResource.reason("{\"reason\": \"x\", \"refund\": true}")));
        assertEquals(400, refusal(() -> ShipmentResource.reason("{\"reason\": \"a\\u0000b\"}")));
        assertEquals("two\nlines", ShipmentResource.reason("{\"reason\": \"two\\nlines\"}"));
        assertEquals(400, refusal(() -> ShipmentResource.reason("[]")));
    }

    @Test
    void refusalsAreProblems() {
        // answered by service-defaults' RefusedExceptionMapper from these fields
        var conflict = new IllegalShipmentStepException(UUID.randomUUID(), ShipmentStatus.NEW,
                ShipmentStatus.DISPATCHED);
        assertEquals(409, conflict.status());
        assertEquals("illegal-shipment-step", conflict.type());
        assertEquals("Conflict", conflict.title());
        assertTrue(conflict.getMessage().contains("NEW"), conflict.getMessage());
        assertEquals(404, FulfillmentException.notFound("no shipment x").status());
        assertEquals(400, FulfillmentException.invalid("bad").status());
    }

    @Test
    void aShipmentViewHasEveryKeyBeforeAndAfterDispatch() {
        Shipment shipment = Shipment.create("order-1", new Recipient("ada@example.com", "Ada Lovelace"),
                new ShippingAddress("Ada Lovelace", "1 Analytical Row", null, "London", "N1 1AA", "GB"),
                List.of(new ShipmentLine("MC-7KQ2ZP", "Headphones", 2)), "orders", T);
        JsonObject fresh = ShipmentViews.shipment(shipment);
        assertEquals(Set.of("id", "orderId", "status", "lines", "recipient", "shippingAddress", "carrier",
                "trackingNumber", "history", "createdAt", "dispatchedAt", "updatedAt"), fresh.keySet());
        assertEquals("NEW", fresh.getString("status"));
        assertEquals(JsonValue.NULL, fresh.get("trackingNumber"));
        assertEquals(JsonValue.NULL, fresh.get("carrier"));
        assertEquals(JsonValue.NULL, fresh.getJsonObject("shippingAddress").get("line2"));
        JsonObject created = fresh.getJsonArray("history").getJsonObject(0);
        assertEquals(JsonValue.NULL, created.get("from"));
        assertEquals("NEW", created.getString("to"));
        assertEquals("orders", created.getString("actor"));
        assertEquals(T.toString(), created.getString("at"));
        assertEquals(Set.of("sku", "name", "quantity"), fresh.getJsonArray("lines").getJsonObject(0).keySet());

        shipment.pick("staff@mercato.test", T.plusSeconds(1));
        shipment.pack("staff@mercato.test", T.plusSeconds(2));
        shipment.dispatch("Mercato Post", "MP1234567890", "staff@mercato.test", T.plusSeconds(3));
        JsonObject sent = ShipmentViews.shipment(shipment);
        assertEquals("DISPATCHED", sent.getString("status"));
        assertEquals("MP1234567890", sent.getString("trackingNumber"));
        assertEquals("Mercato Post", sent.getString("carrier"));
        assertEquals(4, sent.getJsonArray("history").size());
        JsonObject dispatch = sent.getJsonArray("history").getJsonObject(3);
        assertEquals("PACKED", dispatch.getString("from"));
        assertEquals("staff@mercato.test", dispatch.getString("actor"));

        JsonObject page = ShipmentViews.page(new FulfillmentService.Page(List.of(shipment), 41),
                org.mercato.platform.web.Paging.of(2, 20));
        assertEquals(Set.of("items", "total", "page", "size"), page.keySet());
        assertEquals(41, page.getInt("total"));
        assertEquals(2, page.getInt("page"));
    }
}
