package org.mercato.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id.toString(), status, target);
        }
        history.add(new Transition(status, target, at, actor, note));
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

    /** Stopped before it ships; if it was paid, the money must go back ({@link #needsRefund()}). */
    public void cancel(String actor, String reason, Instant at) {
        moveTo(OrderStatus.CANCELLED, at, actor, reason);
    }

    public void refunded(String actor, Instant at) {
        moveTo(OrderStatus.REFUNDED, at, actor, null);
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
