package org.mercato.fulfillment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class ShipmentTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    /** The steps, named as the API names them. */
    private enum Step {
        PICK, PACK, DISPATCH, DELIVER, CANCEL
    }

    /** Written out by hand, not derived from ShipmentStatus, so a wrong transition table fails here. */
    private static final Map<ShipmentStatus, Set<Step>> LEGAL = Map.of(
            ShipmentStatus.NEW, EnumSet.of(Step.PICK, Step.CANCEL),
            ShipmentStatus.PICKED, EnumSet.of(Step.PACK, Step.CANCEL),
            ShipmentStatus.PACKED, EnumSet.of(Step.DISPATCH, Step.CANCEL),
            ShipmentStatus.DISPATCHED, EnumSet.of(Step.DELIVER),
            ShipmentStatus.DELIVERED, EnumSet.noneOf(Step.class),
            ShipmentStatus.CANCELLED, EnumSet.noneOf(Step.class));

    static Shipment newShipment() {
        return Shipment.create("order-1", new Recipient("ada@example.com", "Ada Lovelace"),
                new ShippingAddress("Ada Lovelace", "1 Analytical Row", null, "London", "N1 1AA", "GB"),
                List.of(new ShipmentLine("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2)), "orders", T);
    }

    private static Shipment inState(ShipmentStatus status) {
        Shipment shipment = newShipment();
        switch (status) {
            case NEW -> {
            }
            case PICKED -> shipment.pick("staff", T);
            case PACKED -> {
                shipment.pick("staff", T);
                shipment.pack("staff", T);
            }
            case DISPATCHED, DELIVERED -> {
                shipment.pick("staff", T);
                shipment.pack("staff", T);
                shipment.dispatch("Mercato Post", "MP0000000001", "staff", T);
                if (status == ShipmentStatus.DELIVERED) {
                    shipment.deliver("staff", T);
                }
            }
            case CANCELLED -> shipment.cancel("staff", "test", T);
        }
        assertEquals(status, shipment.status());
        return shipment;
    }

    private static void take(Shipment shipment, Step step) {
        Map<Step, Consumer<Shipment>> steps = Map.of(
                Step.PICK, s -> s.pick("staff@mercato.test", T.plusSeconds(60)),
                Step.PACK, s -> s.pack("staff@mercato.test", T.plusSeconds(60)),
                Step.DISPATCH, s -> s.dispatch("Mercato Post", "MP9999999999", "staff@mercato.test",
                        T.plusSeconds(60)),
                Step.DELIVER, s -> s.deliver("staff@mercato.test", T.plusSeconds(60)),
                Step.CANCEL, s -> s.cancel("staff@mercato.test", "changed mind", T.plusSeconds(60)));
        steps.get(step).accept(shipment);
    }

    @Test
    void theLegalPathRecordsEveryStepWithItsTimeAndActor() {
        Shipment shipment = newShipment();
        assertEquals(ShipmentStatus.NEW, shipment.status());
        assertNull(shipment.trackingNumber());
        assertNull(shipment.carrier());
        shipment.pick("picker@mercato.test", T.plusSeconds(10));
        shipment.pack("packer@mercato.test", T.plusSeconds(20));
        shipment.dispatch("Mercato Post", "MP1234567890", "packer@mercato.test", T.plusSeconds(30));
        shipment.deliver("carrier", T.plusSeconds(40));

        assertEquals(ShipmentStatus.DELIVERED, shipment.status());
        assertEquals("Mercato Post", shipment.carrier());
        assertEquals("MP1234567890", shipment.trackingNumber());
        assertEquals(T.plusSeconds(30), shipment.dispatchedAt());
        assertEquals(T.plusSeconds(40), shipment.updatedAt());
        List<StatusChange> history = shipment.history();
        assertEquals(5, history.size());
        assertStep(history.get(0), null, ShipmentStatus.NEW, T, "orders");
        assertStep(history.get(1), ShipmentStatus.NEW, ShipmentStatus.PICKED, T.plusSeconds(10), "picker@mercato.test");
        assertStep(history.get(2), ShipmentStatus.PICKED, ShipmentStatus.PACKED, T.plusSeconds(20),
                "packer@mercato.test");
        assertStep(history.get(3), ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED, T.plusSeconds(30),
                "packer@mercato.test");
        assertStep(history.get(4), ShipmentStatus.DISPATCHED, ShipmentStatus.DELIVERED, T.plusSeconds(40), "carrier");
    }

    private static void assertStep(StatusChange change, ShipmentStatus from, ShipmentStatus to, Instant at,
            String actor) {
        assertEquals(from, change.from());
        assertEquals(to, change.to());
        assertEquals(at, change.at());
        assertEquals(actor, change.actor());
    }

    @Test
    void everyIllegalStepIsRefusedAndChangesNothing() {
        int refused = 0;
        for (ShipmentStatus status : ShipmentStatus.values()) {
            for (Step step : Step.values()) {
                Shipment shipment = inState(status);
                int steps = shipment.history().size();
                String tracking = shipment.trackingNumber();
                if (LEGAL.get(status).contains(step)) {
                    take(shipment, step);
                    assertEquals(steps + 1, shipment.history().size(), status + " then " + step);
                    continue;
                }
                IllegalShipmentStepException e = assertThrows(IllegalShipmentStepException.class,
                        () -> take(shipment, step), status + " then " + step + " must be refused");
                assertEquals(409, e.status());
                assertEquals(status, e.from());
                assertEquals(status, shipment.status(), "a refused step leaves the state");
                assertEquals(steps, shipment.history().size(), "a refused step records nothing");
                assertEquals(tracking, shipment.trackingNumber());
                refused++;
            }
        }
        // 6 states x 5 steps, 7 of them legal
        assertEquals(23, refused);
    }

    @Test
    void aShipmentCanBeCancelledOnlyWhileItIsInTheWarehouse() {
        for (ShipmentStatus open : List.of(ShipmentStatus.NEW, ShipmentStatus.PICKED, ShipmentStatus.PACKED)) {
            Shipment shipment = inState(open);
            assertTrue(shipment.isOpen());
            shipment.cancel("staff@mercato.test", "customer asked", T.plusSeconds(5));
            assertEquals(ShipmentStatus.CANCELLED, shipment.status());
            StatusChange last = shipment.history().get(shipment.history().size() - 1);
            assertStep(last, open, ShipmentStatus.CANCELLED, T.plusSeconds(5), "staff@mercato.test");
            assertEquals("customer asked", last.note());
            assertNull(shipment.trackingNumber());
        }
        for (ShipmentStatus closed : List.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELIVERED,
                ShipmentStatus.CANCELLED)) {
            Shipment shipment = inState(closed);
            IllegalShipmentStepException e = assertThrows(IllegalShipmentStepException.class,
                    () -> shipment.cancel("staff", null, T));
            assertEquals(ShipmentStatus.CANCELLED, e.to());
            assertEquals(closed, shipment.status());
        }
    }

    @Test
    void aShipmentNeedsAnOrderLinesAndAnAddress() {
        Recipient ada = new Recipient("ada@example.com", "Ada");
        ShippingAddress london = new ShippingAddress("Ada", "1 Row", "", "London", "N1", "GB");
        List<ShipmentLine> one = List.of(new ShipmentLine("SKU-1", "Thing", 1));
        assertNull(london.line2(), "a blank second line is no second line");
        assertThrows(IllegalArgumentException.class, () -> Shipment.create(" ", ada, london, one, "orders", T));
        assertThrows(IllegalArgumentException.class, () -> Shipment.create("o".repeat(65), ada, london, one,
                "orders", T));
        assertThrows(IllegalArgumentException.class, () -> Shipment.create("order", ada, london, List.of(),
                "orders", T));
        assertThrows(IllegalArgumentException.class, () -> Shipment.create("order", ada, null, one, "orders", T));
        assertThrows(IllegalArgumentException.class, () -> new ShipmentLine("SKU-1", "Thing", 0));
        assertThrows(IllegalArgumentException.class, () -> new ShipmentLine(null, "Thing", 1));
        assertThrows(IllegalArgumentException.class, () -> new ShippingAddress("Ada", "1 Row", null, "London",
                "N1", "gb"));
        assertThrows(IllegalArgumentException.class, () -> new ShippingAddress("Ada", null, null, "London", "N1",
                "GB"));
        assertThrows(IllegalArgumentException.class, () -> new Recipient("not-an-email", "Ada"));
        assertThrows(IllegalArgumentException.class, () -> inState(ShipmentStatus.PACKED).dispatch("Mercato Post",
                " ", "staff", T));
    }

    @Test
    void trackingNumbersLookLikeTheCarriers() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String number = TrackingNumbers.next(random);
            assertTrue(number.matches("MP\\d{10}"), number);
            assertTrue(TrackingNumbers.looksValid(number));
        }
    }
}
