package org.mercato.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyText;

/**
 * The order aggregate: what was bought at which prices, its totals, and its state machine. Every transition goes
 * through {@link #moveTo}, which refuses illegal ones and records each with its time and actor; use cases call the
 * named steps ({@link #markPaid}, {@link #cancel}, ...), never set a status.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false, length = 100)
    private String customerId;

    @Column(name = "customer_email", length = 320)
    private String customerEmail;

    @Column(name = "customer_name", length = 200)
    private String customerName;

    @Column(name = "cart_id", length = 64)
    private String cartId;

    /**
     * The version of the cart's contents this order was placed from: one cart version becomes at most one order
     * that has not failed (a unique index decides it, whatever the concurrency).
     */
    @Column(name = "cart_version")
    private Long cartVersion;

    /** The shopper's key for this attempt: one order per key and customer, however often it is sent. */
    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;

    /** A fingerprint of the request sent under the key, to refuse a different one (422). */
    @Column(name = "request_hash", length = 64)
    private String requestHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private long subtotal;

    @Column(nullable = false)
    private long shipping;

    @Column(nullable = false)
    private long tax;

    @Column(nullable = false)
    private long total;

    /** The prices were gross: the tax is the part of the total that is tax, not added to it. */
    @Column(name = "tax_included", nullable = false)
    private boolean taxIncluded;

    @Embedded
    private ShippingAddress shippingAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status = OrderStatus.PENDING;

    @Column(name = "payment_id", length = 64)
    private String paymentId;

    @Column(name = "tracking_number", length = 64)
    private String trackingNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_kind", length = 30)
    private FailureKind failureKind;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    /**
     * Minor units of the charge given back so far: the sum of the refunds in the history (orders refunded by a
     * cancel before refunds were recorded count their whole total).
     */
    @Column(nullable = false)
    private long refunded;

    /**
     * When a cancel last began asking payments for the refund this cancelled order owes; null when nobody is asking
     * (never asked, or the asking ended without an answer). Decided under the row's lock, it lets one cancel at a
     * time ask ({@link #retryRefund}).
     */
    @Column(name = "refund_asked_at")
    private Instant refundAskedAt;

    /** Payments did not answer in time: whether it charged anyway is checked (and refunded) afterwards. */
    @Column(name = "payment_check_due", nullable = false)
    private boolean paymentCheckDue;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_transition", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("at")
    private List<Transition> history = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Order() {
        // for JPA
    }

    /**
     * @param cartVersion the version of the cart's contents priced into this order
     * @throws org.mercato.platform.money.CurrencyNotAcceptedException when a line is not in the shop's currency
     * @throws org.mercato.platform.money.MoneyLimitException when the total passes the largest order
     */
    public Order(UUID id, Customer customer, String cartId, long cartVersion, List<OrderLine> lines,
            OrderPricing pricing, ShippingAddress shippingAddress, String idempotencyKey, String requestHash,
            Instant now) {
        Totals totals = pricing.price(lines, shippingAddress.country());
        this.id = id;
        this.customerId = customer.id();
        this.customerEmail = customer.email();
        this.customerName = customer.name();
        this.cartId = cartId;
        this.cartVersion = cartVersion;
        this.lines = new ArrayList<>(lines);
        this.currency = totals.total().currency();
        this.subtotal = totals.subtotal().amount();
        this.shipping = totals.shipping().amount();
        this.tax = totals.tax().amount();
        this.total = totals.total().amount();
        this.taxIncluded = totals.taxIncluded();
        this.shippingAddress = shippingAddress;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.createdAt = now;
        this.updatedAt = now;
        history.add(new Transition(null, OrderStatus.PENDING, now, customer.id(), "placed"));
    }

    private void moveTo(OrderStatus target, Instant at, String actor, String note) {
        moveTo(target, at, new Transition(status, target, at, actor, note));
    }

    private void moveTo(OrderStatus target, Instant at, Transition step) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id.toString(), status, target);
        }
        history.add(step);
        status = target;
        updatedAt = at;
    }

    public void markPaid(String payment, Instant at) {
        moveTo(OrderStatus.PAID, at, "payments", "payment " + payment);
        this.paymentId = payment;
    }

    public void markFailed(FailureKind kind, String reason, Instant at) {
        moveTo(OrderStatus.FAILED, at, "orders", reason);
        this.failureKind = kind;
        this.failureReason = reason;
        this.paymentCheckDue = kind == FailureKind.PAYMENT_UNAVAILABLE;
    }

    /** The late check found no charge, or refunded the one it found. */
    public void paymentChecked() {
        this.paymentCheckDue = false;
    }

    public void fulfillmentStarted(Instant at) {
        moveTo(OrderStatus.FULFILLING, at, "fulfillment", null);
    }

    /** The parcel left; an order still PAID (the shipment news overtook) passes through FULFILLING. */
    public void shipped(String tracking, Instant at) {
        if (status == OrderStatus.PAID) {
            fulfillmentStarted(at);
        }
        moveTo(OrderStatus.SHIPPED, at, "fulfillment", "tracking " + tracking);
        this.trackingNumber = tracking;
    }

    public void markDelivered(String staffMember, Instant at) {
        moveTo(OrderStatus.DELIVERED, at, staffMember, null);
    }

    /**
     * Stopped before it ships; if it was paid, the money must go back ({@link #needsRefund()}), and the cancel that
     * stopped it is the one asking for it now.
     */
    public void cancel(String actor, String reason, Instant at) {
        moveTo(OrderStatus.CANCELLED, at, actor, reason);
        if (paymentId != null) {
            refundAskedAt = at;
        }
    }

    /**
     * Another cancel of a cancelled order: allowed only to ask again for a refund still owed, and only when no
     * other cancel is asking for it (one that began less than {@code patience} ago and has not given up). The
     * caller holds the row's lock, so of several cancels at once exactly one gets through.
     *
     * @throws IllegalTransitionException when the order owes no refund (it is not CANCELLED, or was never paid),
     *             or another cancel is asking for the refund right now
     */
    public void retryRefund(Instant at, Duration patience) {
        if (!needsRefund()) {
            throw new IllegalTransitionException(id.toString(), status, OrderStatus.CANCELLED);
        }
        if (refundAskedAt != null && at.isBefore(refundAskedAt.plus(patience))) {
            throw new IllegalTransitionException(id.toString(), status, "another cancel is asking for its refund"
                    + " right now");
        }
        refundAskedAt = at;
    }

    /** The refund was asked for and payments did not answer: the next cancel may ask again at once. */
    public void refundNotAnswered() {
        refundAskedAt = null;
    }

    /**
     * Payments says the whole payment is back but not which refund did it (the answer to the refund was lost and
     * the retry found nothing left): the order is REFUNDED; the refund itself is recorded when its PaymentRefunded
     * arrives ({@link #recordRefund}).
     */
    public void refunded(String actor, Instant at) {
        moveTo(OrderStatus.REFUNDED, at, actor, null);
    }

    /**
     * Records a refund of this order's payment as a step of its history, once per refund id. The refund that brings
     * the refunded sum to the total, or after which payments has nothing left to refund, moves the order to
     * REFUNDED (from PAID, FULFILLING, SHIPPED, DELIVERED or CANCELLED); any other refund leaves the status as it is.
     * A refund of an order already REFUNDED is still recorded (refunds may be learnt out of order).
     *
     * @param refund what payments gave back, in the order's currency (minor units)
     * @param nothingLeft payments has nothing left of the payment to refund after this refund
     * @param actor who refunded: the staff member who cancelled, or {@code payments} for a refund made there
     * @return false when this refund id was recorded before (nothing changed)
     * @throws RefundNotApplicableException before changing anything: the order never took the money, the refund is
     *             in another currency, or the refunds would pass the total
     */
    public boolean recordRefund(OrderRefund refund, boolean nothingLeft, String actor, Instant at) {
        if (refundRecorded(refund.refundId())) {
            return false;
        }
        if (paymentId == null || status == OrderStatus.PENDING || status == OrderStatus.FAILED) {
            throw new RefundNotApplicableException("order " + id + " is " + status + " and took no payment to refund");
        }
        if (!refund.amount().currency().equals(currency)) {
            throw new RefundNotApplicableException("refund " + refund.refundId() + " is in " + refund.amount()
                    .currency() + ", order " + id + " in " + currency);
        }
        if (refund.amount().amount() > total - refunded) {
            throw new RefundNotApplicableException("refund " + refund.refundId() + " of " + MoneyText.of(refund
                    .amount()) + " is more than the " + MoneyText.of(total - refunded, currency) + " left of order "
                    + id
                    + "'s " + MoneyText.of(total, currency));
        }
        OrderRefund kept = refund.reason() == null || refund.reason().length() <= 500
                ? refund
                : new OrderRefund(refund.refundId(), refund.amount(), refund.reason().substring(0, 500));
        refunded += refund.amount().amount();
        boolean allBack = refunded == total || nothingLeft;
        if (allBack && status != OrderStatus.REFUNDED) {
            moveTo(OrderStatus.REFUNDED, at, new Transition(status, OrderStatus.REFUNDED, at, actor, kept));
        } else {
            history.add(new Transition(status, status, at, actor, kept));
            updatedAt = at;
        }
        return true;
    }

    /** Whether the refund with this id of payments is in the history. */
    public boolean refundRecorded(String refundId) {
        return history.stream().anyMatch(step -> step.refund() != null && step.refund().refundId().equals(refundId));
    }

    /** The refunds recorded, oldest first. */
    public List<OrderRefund> refunds() {
        return history.stream().map(Transition::refund).filter(Objects::nonNull).toList();
    }

    /** Cancelled after the money was taken. */
    public boolean needsRefund() {
        return status == OrderStatus.CANCELLED && paymentId != null;
    }

    /** The same request as the one first sent under this order's idempotency key. */
    public boolean sameRequest(String hash) {
        return requestHash != null && requestHash.equals(hash);
    }

    public UUID id() {
        return id;
    }

    public Customer customer() {
        return new Customer(customerId, customerEmail, customerName);
    }

    public String customerId() {
        return customerId;
    }

    public String cartId() {
        return cartId;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public Totals totals() {
        return new Totals(new Money(subtotal, currency), new Money(shipping, currency), new Money(tax, currency),
                new Money(total, currency), taxIncluded);
    }

    /** What was given back of the charge so far, in the order's currency (minor units). */
    public Money refunded() {
        return new Money(refunded, currency);
    }

    /** What the shopper paid and has not had back: the total less the refunds; 0 if the order was never paid. */
    public Money netPaid() {
        return new Money(paymentId == null ? 0 : total - refunded, currency);
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    public OrderStatus status() {
        return status;
    }

    public String paymentId() {
        return paymentId;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public FailureKind failureKind() {
        return failureKind;
    }

    public String failureReason() {
        return failureReason;
    }

    public boolean paymentCheckDue() {
        return paymentCheckDue;
    }

    public List<Transition> history() {
        return Collections.unmodifiableList(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
