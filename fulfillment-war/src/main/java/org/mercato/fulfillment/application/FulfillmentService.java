package org.mercato.fulfillment.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.fulfillment.domain.FulfillmentException;
import org.mercato.fulfillment.domain.Shipment;
import org.mercato.fulfillment.domain.ShipmentRepository;
import org.mercato.fulfillment.domain.ShipmentStatus;
import org.mercato.fulfillment.domain.TrackingNumbers;

/**
 * Fulfillment use cases: a shipment for every paid order (once, however often OrderPlaced arrives), staff taking
 * it through pick, pack and dispatch, cancellation while it is still in the warehouse, and the demo warehouse.
 * Each runs in one transaction with the events it publishes (outbox).
 */
@ApplicationScoped
@Transactional
public class FulfillmentService {

    /** The actor of steps the order service caused (creation, cancellation without a named staff member). */
    public static final String ORDERS = "orders";
    public static final String DEMO_WAREHOUSE = "demo-warehouse";
    public static final String DEFAULT_CARRIER = "Mercato Post";
    private static final Logger LOG = Logger.getLogger(FulfillmentService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an OrderCancelled did to the order's shipment. */
    public enum CancelOutcome {
        CANCELLED, ALREADY_CANCELLED, ALREADY_DISPATCHED, NO_SHIPMENT_YET
    }

    /** One page of a shipment list and how many match in all. */
    public record Page(List<Shipment> items, long total) {
    }

    @Inject
    ShipmentRepository shipments;

    @Inject
    ShipmentEvents events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mercato.fulfillment.carrier", defaultValue = DEFAULT_CARRIER)
    String carrier;

    protected FulfillmentService() {
        // for CDI
    }

    public FulfillmentService(ShipmentRepository shipments, ShipmentEvents events, Clock clock, String carrier) {
        this.shipments = shipments;
        this.events = events;
        this.clock = clock;
        this.carrier = carrier;
    }

    /**
     * Creates the order's shipment and announces it (ShipmentCreated), unless the order has one already or was
     * cancelled before it arrived.
     *
     * @return the new shipment, or empty when nothing was created
     */
    public Optional<Shipment> orderPlaced(NewShipment order) {
        shipments.lockOrder(order.orderId());
        Optional<Shipment> existing = shipments.forOrder(order.orderId());
        if (existing.isPresent()) {
            LOG.info(() -> "Order " + order.orderId() + " already has shipment " + existing.get().id()
                    + "; nothing created");
            return Optional.empty();
        }
        if (shipments.cancelledBeforeShipment(order.orderId())) {
            LOG.info(() -> "Order " + order.orderId() + " was cancelled before it reached the warehouse; no"
                    + " shipment");
            return Optional.empty();
        }
        Shipment shipment = Shipment.create(order.orderId(), order.recipient(), order.shippingAddress(),
                order.lines(), ORDERS, now());
        shipments.add(shipment);
        events.created(shipment);
        LOG.info(() -> "Shipment " + shipment.id() + " created for order " + order.orderId() + " ("
                + shipment.lines().size() + " line(s))");
        return Optional.of(shipment);
    }

    /**
     * Stops the order's shipment if it is still in the warehouse. A parcel the carrier has is not recalled here
     * (that is a return): it is logged for staff and left as it is.
     */
    public CancelOutcome orderCancelled(String orderId, String reason, String cancelledBy) {
        shipments.lockOrder(orderId);
        Optional<Shipment> found = shipments.lockForOrder(orderId);
        Instant now = now();
        if (found.isEmpty()) {
            // an OrderCancelled may overtake its OrderPlaced (or the order was never paid): remember it, ship nothing
            shipments.recordCancelledBeforeShipment(orderId, reason, now);
            LOG.info(() -> "Order " + orderId + " was cancelled and has no shipment; noted, nothing to stop");
            return CancelOutcome.NO_SHIPMENT_YET;
        }
        Shipment shipment = found.get();
        if (shipment.status() == ShipmentStatus.CANCELLED) {
            LOG.info(() -> "Shipment " + shipment.id() + " of order " + orderId + " is cancelled already");
            return CancelOutcome.ALREADY_CANCELLED;
        }
        if (!shipment.isOpen()) {
            LOG.warning(() -> "Order " + orderId + " was cancelled but its shipment " + shipment.id() + " is "
                    + shipment.status() + " (" + shipment.carrier() + " " + shipment.trackingNumber()
                    + "); left as it is: recall or return it by hand");
            return CancelOutcome.ALREADY_DISPATCHED;
        }
        shipment.cancel(cancelledBy == null || cancelledBy.isBlank() ? ORDERS : cancelledBy,
                reason == null || reason.isBlank() ? "order cancelled" : "order cancelled: " + reason, now);
        LOG.info(() -> "Shipment " + shipment.id() + " of order " + orderId + " cancelled with its order");
        return CancelOutcome.CANCELLED;
    }

    public Shipment pick(UUID id, String actor) {
        Shipment shipment = locked(id);
        shipment.pick(actor, now());
        return shipment;
    }

    public Shipment pack(UUID id, String actor) {
        Shipment shipment = locked(id);
        shipment.pack(actor, now());
        return shipment;
    }

    /** Hands the parcel to the carrier under a new tracking number and announces it (ShipmentDispatched). */
    public Shipment dispatch(UUID id, String actor) {
        Shipment shipment = locked(id);
        dispatch(shipment, actor, now());
        return shipment;
    }

    public Shipment deliver(UUID id, String actor) {
        Shipment shipment = locked(id);
        shipment.deliver(actor, now());
        return shipment;
    }

    public Shipment cancel(UUID id, String actor, String reason) {
        Shipment shipment = locked(id);
        shipment.cancel(actor, reason, now());
        LOG.info(() -> "Shipment " + id + " of order " + shipment.orderId() + " cancelled by " + actor);
        return shipment;
    }

    /**
     * The demo warehouse: takes NEW shipments at least {@code age} old through pick, pack and dispatch. Shipments
     * another transaction holds (a staff member's step, another instance's pass) are skipped, not waited for.
     *
     * @return the shipments dispatched, at most {@code max}
     */
    public List<Shipment> dispatchDue(Duration age, int max) {
        Instant now = now();
        List<Shipment> dispatched = new ArrayList<>();
        for (UUID id : shipments.claimNew(now.minus(age), max)) {
            Shipment shipment = shipments.find(id).orElseThrow();
            shipment.pick(DEMO_WAREHOUSE, now);
            shipment.pack(DEMO_WAREHOUSE, now);
            dispatch(shipment, DEMO_WAREHOUSE, now);
            dispatched.add(shipment);
        }
        return dispatched;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment shipment(UUID id) {
        return shipments.find(id).orElseThrow(() -> FulfillmentException.notFound("no shipment " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(ShipmentStatus status, String orderId, int page, int size) {
        String order = orderId == null || orderId.isBlank() ? null : orderId.strip();
        long offset = (long) page * size;
        long total = shipments.count(status, order);
        if (offset >= total) {
            // past the end (however far): nothing to read
            return new Page(List.of(), total);
        }
        return new Page(shipments.search(status, order, (int) offset, size), total);
    }

    /** PostgreSQL keeps microseconds: the times in an event must equal the ones read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Shipment locked(UUID id) {
        return shipments.lock(id).orElseThrow(() -> FulfillmentException.notFound("no shipment " + id));
    }

    private void dispatch(Shipment shipment, String actor, Instant now) {
        shipment.dispatch(carrier, newTrackingNumber(), actor, now);
        events.dispatched(shipment);
        LOG.info(() -> "Dispatched order " + shipment.orderId() + " (shipment " + shipment.id() + ") with "
                + shipment.carrier() + ", tracking number " + shipment.trackingNumber() + ", by " + actor);
    }

    private String newTrackingNumber() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String candidate = TrackingNumbers.next(RANDOM);
            if (!shipments.trackingNumberTaken(candidate)) {
                return candidate;
            }
        }
        // ten random digits colliding five times means the random source is broken, not bad luck
        throw new IllegalStateException("no free tracking number after 5 attempts");
    }
}
