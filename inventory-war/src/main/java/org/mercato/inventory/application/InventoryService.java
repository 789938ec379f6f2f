package org.mercato.inventory.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.inventory.domain.InsufficientStockException;
import org.mercato.inventory.domain.InvalidStockRequestException;
import org.mercato.inventory.domain.NotFoundException;
import org.mercato.inventory.domain.Reservation;
import org.mercato.inventory.domain.ReservationConflictException;
import org.mercato.inventory.domain.ReservationLine;
import org.mercato.inventory.domain.ReservationStatus;
import org.mercato.inventory.domain.Skus;
import org.mercato.inventory.domain.StockLevel;
import org.mercato.inventory.domain.StockListQuery;
import org.mercato.inventory.domain.StockMovement;
import org.mercato.inventory.domain.StockMovement.Kind;
import org.mercato.inventory.domain.StockRepository;
import org.mercato.platform.metrics.ShopMetrics;

/**
 * Stock use cases: staff counts and adjustments, external feeds, and reservations for orders (hold, commit,
 * release, expire). Each runs in one transaction; the guarantees come from the repository's conditional updates.
 */
@ApplicationScoped
@Transactional
public class InventoryService {

    public static final String DEFAULT_WAREHOUSE = "MAIN";
    public static final int MAX_QUANTITY = 100_000;
    public static final int MAX_LINE_QUANTITY = 1_000;
    public static final int MAX_LINES = 100;
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(15);
    public static final Duration MAX_HOLD = Duration.ofHours(2);
    private static final Logger LOG = Logger.getLogger(InventoryService.class.getName());

    /** What an order asks to hold. */
    public record LineRequest(String sku, int quantity) {
    }

    /** @param replay true when the order already held this reservation (nothing new was held) */
    public record Hold(Reservation reservation, boolean replay) {
    }

    @Inject
    StockRepository stock;

    @Inject
    StockEvents events;

    @Inject
    Clock clock;

    @Inject
    ShopMetrics metrics = new ShopMetrics();

    private static final String RESERVATIONS = "mercato.inventory.reservations";
    private static final String RESERVATIONS_HELP = "Stock reservations by what became of them: held, short (a line"
            + " lacked stock, nothing held), committed, released, expired";

    protected InventoryService() {
        // for CDI
    }

    public InventoryService(StockRepository stock, StockEvents events, Clock clock) {
        this.stock = stock;
        this.events = events;
        this.clock = clock;
    }

    public List<StockLevel> levels(String sku) {
        return stock.levels(Skus.require(sku));
    }

    public long available(String sku) {
        return stock.available(Skus.require(sku));
    }

    /** One page of a staff stock list and how many levels match on all pages. */
    public record StockPage(List<StockLevel> items, long total) {
    }

    /**
     * A staff stock list: levels per SKU and warehouse, filtered, ordered and paged as the query says.
     *
     * @throws InvalidStockRequestException naming {@code warehouse} when the query names an unknown one
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StockPage list(StockListQuery query) {
        if (query.warehouse() != null && !stock.warehouseExists(query.warehouse())) {
            throw new InvalidStockRequestException("warehouse", "unknown warehouse " + query.warehouse());
        }
        return new StockPage(stock.list(query), stock.count(query));
    }

    public List<StockMovement> movements(String sku, int offset, int max) {
        return stock.movements(Skus.require(sku), offset, max);
    }

    public long countMovements(String sku) {
        return stock.countMovements(Skus.require(sku));
    }

    /** A stocktake: the warehouse has exactly {@code onHand} units. */
    public StockLevel setOnHand(String sku, String warehouse, int onHand, String actor, String reason) {
        Skus.require(sku);
        requireWarehouse(warehouse);
        if (onHand < 0 || onHand > MAX_QUANTITY) {
            throw new InvalidStockRequestException("onHand must be between 0 and " + MAX_QUANTITY);
        }
        stock.lockLevels(sku);
        long before = stock.available(sku);
        int previous = stock.lockLevel(sku, warehouse).map(StockLevel::onHand).orElse(0);
        StockLevel after = stock.setOnHand(sku, warehouse, onHand, clock.instant());
        record(after, Kind.SET, onHand - previous, null, actor, reason);
        events.availabilityChanged(sku, before, stock.available(sku));
        return after;
    }

    /**
     * Demo mode: gives the SKUs of one generated demo product their first stock in the default warehouse, in one
     * transaction; a SKU with any stock level already (a redelivered event, a count staff made meanwhile) is left
     * as it is. Each SKU stocked gets its movement and, when in stock, its StockAvailabilityChanged.
     *
     * @param onHand units per SKU, 0 to {@link #MAX_QUANTITY}
     * @return how many SKUs were stocked now
     * @throws InvalidStockRequestException for a malformed SKU or a quantity out of range (nothing stocked)
     */
    public int stockDemoSkus(Map<String, Integer> onHand) {
        onHand.forEach((sku, units) -> {
            Skus.require(sku);
            if (units < 0 || units > MAX_QUANTITY) {
                throw new InvalidStockRequestException("onHand must be between 0 and " + MAX_QUANTITY);
            }
        });
        java.util.Set<String> stocked = stock.stockedSkus(onHand.keySet());
        int added = 0;
        for (Map.Entry<String, Integer> wanted : onHand.entrySet()) {
            if (stocked.contains(wanted.getKey())) {
                continue;
            }
            Optional<StockLevel> level = stock.insertLevel(wanted.getKey(), DEFAULT_WAREHOUSE, wanted.getValue(),
                    clock.instant());
            if (level.isPresent()) {
                record(level.get(), Kind.SET, wanted.getValue(), null, "demo catalog", "demo stock");
                // a SKU without any level had nothing available and nothing reserved
                events.availabilityChanged(wanted.getKey(), 0, level.get().onHand() - level.get().reserved());
                added++;
            }
        }
        return added;
    }

    /** Units arrived (positive) or left outside orders (negative: damage, loss). */
    public StockLevel adjust(String sku, String warehouse, int delta, String reference, String actor,
            String reason) {
        Skus.require(sku);
        requireWarehouse(warehouse);
        if (delta == 0 || Math.abs(delta) > MAX_QUANTITY) {
            throw new InvalidStockRequestException("an adjustment is between -" + MAX_QUANTITY + " and "
                    + MAX_QUANTITY + ", not 0");
        }
        stock.lockLevels(sku);
        long before = stock.available(sku);
        int onHand = stock.lockLevel(sku, warehouse).map(StockLevel::onHand).orElse(0);
        if (onHand + delta < 0) {
            throw new InsufficientStockException(sku, onHand, -delta);
        }
        if (onHand + delta > MAX_QUANTITY) {
            // the same ceiling as setting on-hand directly (and far from int's end, which repeated adjustments
            // would otherwise reach, wrap and misreport as missing stock)
            throw new InvalidStockRequestException("on hand would be " + (onHand + delta) + " units: at most "
                    + MAX_QUANTITY + " in one warehouse");
        }
        StockLevel after = stock.setOnHand(sku, warehouse, onHand + delta, clock.instant());
        record(after, Kind.ADJUST, delta, reference, actor, reason);
        events.availabilityChanged(sku, before, stock.available(sku));
        return after;
    }

    /**
     * An adjustment from an external system's message, applied once however often it is delivered. In a
     * transaction of its own, so that a refusal leaves the consumer's transaction free to park the message.
     *
     * @return false for a message applied before
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean adjustOnce(UUID eventId, String eventType, String sku, String warehouse, int delta,
            String source, String reason) {
        if (!stock.markProcessed(eventId, eventType, clock.instant())) {
            return false;
        }
        adjust(sku, warehouse, delta, eventId.toString(), source, reason);
        return true;
    }

    /**
     * Holds every line for the order, or none: one line short and the whole request fails with nothing held.
     * Asking again for the same order returns the same hold (idempotent); a different request for the same order
     * is refused.
     */
    public Hold reserve(String orderId, List<LineRequest> lines, Duration hold) {
        requireOrderId(orderId);
        Map<String, Integer> wanted = wanted(lines);
        Duration ttl = hold == null ? DEFAULT_HOLD : hold;
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_HOLD) > 0) {
            throw new InvalidStockRequestException("a hold lasts between 1 second and " + MAX_HOLD.toMinutes()
                    + " minutes");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        if (!stock.insertReservation(orderId, now, expiresAt)) {
            Reservation existing = stock.lockReservation(orderId).orElseThrow();
            if (existing.lines().isEmpty() && existing.status() == ReservationStatus.RELEASED) {
                throw new ReservationConflictException("order " + orderId + " was released before this hold"
                        + " arrived: it holds nothing");
            }
            if (!wanted.equals(quantities(existing))) {
                throw new ReservationConflictException("order " + orderId + " already holds a different reservation");
            }
            return new Hold(existing, true);
        }
        // SKUs in a fixed order, so two orders never wait for each other's rows (no deadlock)
        List<ReservationLine> held = new ArrayList<>();
        try {
            for (Map.Entry<String, Integer> line : wanted.entrySet()) {
                held.add(reserveLine(orderId, line.getKey(), line.getValue(), now));
            }
        } catch (InsufficientStockException short_) {
            metrics.count(RESERVATIONS, RESERVATIONS_HELP, "outcome", "short");
            throw short_;
        }
        stock.saveLines(orderId, held);
        metrics.count(RESERVATIONS, RESERVATIONS_HELP, "outcome", "held");
        LOG.info(() -> "Reserved " + held.size() + " line(s) for order " + orderId + " until " + expiresAt);
        return new Hold(stock.lockReservation(orderId).orElseThrow(), false);
    }

    private ReservationLine reserveLine(String orderId, String sku, int quantity, Instant now) {
        for (StockLevel level : stock.levels(sku)) {
            Optional<StockLevel> after = stock.reserve(sku, level.warehouse(), quantity, now);
            if (after.isPresent()) {
                record(after.get(), Kind.RESERVE, quantity, orderId, "order " + orderId, null);
                long available = stock.available(sku);
                events.availabilityChanged(sku, available + quantity, available);
                return new ReservationLine(sku, level.warehouse(), quantity);
            }
        }
        throw new InsufficientStockException(sku, stock.available(sku), quantity);
    }

    /** The order is placed: its held units leave the stock. Repeating it changes nothing. */
    public Reservation commit(String orderId) {
        Reservation reservation = find(orderId);
        if (reservation.commit(clock.instant())) {
            for (ReservationLine line : reservation.lines()) {
                StockLevel after = stock.deduct(line.sku(), line.warehouse(), line.quantity(), clock.instant());
                record(after, Kind.COMMIT, -line.quantity(), orderId, "order " + orderId, null);
            }
            metrics.count(RESERVATIONS, RESERVATIONS_HELP, "outcome", "committed");
            LOG.info(() -> "Committed the reservation of order " + orderId);
        }
        return reservation;
    }

    /**
     * OrderPlaced: the order's held units leave the stock. A hold that expired before the news arrived (the
     * broker was down longer than the hold) cannot be committed any more: logged for staff, not retried.
     */
    public void orderPlaced(String orderId) {
        Optional<Reservation> held = stock.lockReservation(orderId);
        if (held.isEmpty()) {
            LOG.warning(() -> "OrderPlaced for order " + orderId + " without a reservation: nothing to commit");
            return;
        }
        switch (held.get().status()) {
            case HELD -> commit(orderId);
            case COMMITTED -> LOG.info(() -> "Reservation of order " + orderId + " was committed before");
            default -> LOG.severe(() -> "Order " + orderId + " was paid but its hold is " + held.get().status()
                    + ": its units were put back on sale; staff must check the stock of its SKUs");
        }
    }

    /**
     * OrderCancelled: held units go back on sale; units that had left the stock (committed) are put back, each
     * line as a movement of its own. Applied once per event by the consumer.
     */
    public void orderCancelled(String orderId) {
        Optional<Reservation> reservation = stock.lockReservation(orderId);
        if (reservation.isEmpty()) {
            return;
        }
        Reservation r = reservation.get();
        if (r.status() == ReservationStatus.HELD) {
            giveBack(r, false);
        } else if (r.status() == ReservationStatus.COMMITTED) {
            for (ReservationLine line : r.lines()) {
                adjust(line.sku(), line.warehouse(), line.quantity(), orderId, "order " + orderId, "order cancelled");
            }
            LOG.info(() -> "Put the units of cancelled order " + orderId + " back in stock");
        }
    }

    /**
     * The order will not complete: its held units go back on sale. Repeating it changes nothing. A release for an
     * order whose hold has not arrived (the order gave up waiting for it: its request is still on the way) is kept as
     * a released reservation without lines, so that the late request holds nothing ({@link #reserve} refuses it)
     * instead of keeping units off sale until it expires.
     */
    public Reservation release(String orderId) {
        requireOrderId(orderId);
        Instant now = clock.instant();
        if (stock.insertReservation(orderId, now, now)) {
            Reservation released = find(orderId);
            released.release(now, false);
            LOG.info(() -> "Released order " + orderId + " before its hold arrived: a late hold holds nothing");
            return released;
        }
        return giveBack(find(orderId), false);
    }

    /**
     * Gives back holds past their expiry (the scheduled job; several instances share the work).
     *
     * @return how many were released
     */
    public int releaseExpired(int max) {
        Instant now = clock.instant();
        int released = 0;
        for (String orderId : stock.dueReservations(now, max)) {
            Reservation reservation = find(orderId);
            if (reservation.isExpiredAt(now)) {
                giveBack(reservation, true);
                released++;
            }
        }
        return released;
    }

    public Reservation reservation(String orderId) {
        requireOrderId(orderId);
        return find(orderId);
    }

    private Reservation giveBack(Reservation reservation, boolean expired) {
        if (reservation.release(clock.instant(), expired)) {
            for (ReservationLine line : reservation.lines()) {
                StockLevel after = stock.unreserve(line.sku(), line.warehouse(), line.quantity(), clock.instant());
                record(after, Kind.RELEASE, -line.quantity(), reservation.orderId(),
                        expired ? "expiry job" : "order " + reservation.orderId(), expired ? "hold expired" : null);
                long available = stock.available(line.sku());
                events.availabilityChanged(line.sku(), available - line.quantity(), available);
            }
            metrics.count(RESERVATIONS, RESERVATIONS_HELP, "outcome", expired ? "expired" : "released");
            LOG.info(() -> (expired ? "Expired" : "Released") + " the reservation of order " + reservation.orderId());
        }
        return reservation;
    }

    private Reservation find(String orderId) {
        return stock.lockReservation(orderId)
                .orElseThrow(() -> new NotFoundException("no reservation for order " + orderId));
    }

    private void record(StockLevel after, Kind kind, int quantity, String reference, String actor, String reason) {
        stock.record(new StockMovement(after.sku(), after.warehouse(), kind, quantity, after.onHand(),
                after.reserved(), reference, actor, reason, clock.instant()));
    }

    private void requireWarehouse(String warehouse) {
        if (warehouse == null || !stock.warehouseExists(warehouse)) {
            throw new InvalidStockRequestException("unknown warehouse " + warehouse);
        }
    }

    private static void requireOrderId(String orderId) {
        if (orderId == null || !orderId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw new InvalidStockRequestException("orderId must be 1 to 64 letters, digits, dots, colons, hyphens"
                    + " or underscores");
        }
    }

    private static Map<String, Integer> wanted(List<LineRequest> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvalidStockRequestException("a reservation has 1 to " + MAX_LINES + " lines");
        }
        Map<String, Integer> wanted = new TreeMap<>();
        for (LineRequest line : lines) {
            if (line == null) {
                throw new InvalidStockRequestException("a line needs a sku and a quantity");
            }
            Skus.require(line.sku());
            if (line.quantity() < 1 || line.quantity() > MAX_LINE_QUANTITY) {
                throw new InvalidStockRequestException("quantity of " + line.sku() + " must be between 1 and "
                        + MAX_LINE_QUANTITY);
            }
            // the limit holds per SKU, however many lines name it
            int total = wanted.merge(line.sku(), line.quantity(), Integer::sum);
            if (total > MAX_LINE_QUANTITY) {
                throw new InvalidStockRequestException("quantity of " + line.sku() + " must be at most "
                        + MAX_LINE_QUANTITY + " in all");
            }
        }
        return wanted;
    }

    private static Map<String, Integer> quantities(Reservation reservation) {
        Map<String, Integer> held = new TreeMap<>();
        reservation.lines().forEach(line -> held.merge(line.sku(), line.quantity(), Integer::sum));
        return held;
    }
}
