package org.mercato.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyText;

/**
 * The sales fact of one placed order: its money (minor units, one currency), the UTC day it counts for, its lines,
 * and what happened to it since. It counts in the figures unless cancelled; what it brought in is its total less
 * what was refunded.
 */
@Entity
@Table(name = "sale_order")
public class Sale {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    /** The UTC day of placedAt: reports group by it, whatever the time zone of the reader. */
    @Column(name = "sale_day", nullable = false)
    private LocalDate saleDay;

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

    /** The order's prices were gross: its tax is the part of the total that is tax, not added to it. */
    @Column(name = "tax_included", nullable = false)
    private boolean taxIncluded;

    @Column(nullable = false)
    private long refunded;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sale_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<SaleLine> lines = new ArrayList<>();

    protected Sale() {
        // for JPA
    }

    /**
     * @param taxIncluded the prices were gross: {@code subtotal + shipping = total} and {@code tax} is the part of
     *            it that is tax; else {@code subtotal + shipping + tax = total}
     * @throws SalesFactRefusedException if the order cannot be a sale: no id or customer, no lines, money in more
     *             than one currency, or parts that do not add up to the total
     */
    public static Sale placed(String orderId, String customerId, Instant placedAt, Money subtotal, Money shipping,
            Money tax, Money total, boolean taxIncluded, List<SaleLine> lines, Instant now) {
        if (orderId == null || orderId.isBlank() || orderId.length() > 64) {
            throw new SalesFactRefusedException("orderId must have 1 to 64 characters");
        }
        if (customerId == null || customerId.isBlank()) {
            throw new SalesFactRefusedException("order " + orderId + " has no customer id");
        }
        if (placedAt == null) {
            throw new SalesFactRefusedException("order " + orderId + " has no placedAt");
        }
        if (lines == null || lines.isEmpty()) {
            throw new SalesFactRefusedException("order " + orderId + " has no lines");
        }
        String currency = total.currency();
        for (Money part : List.of(subtotal, shipping, tax)) {
            if (!part.currency().equals(currency)) {
                throw new SalesFactRefusedException("order " + orderId + " mixes " + part.currency() + " and "
                        + currency);
            }
            if (part.isNegative()) {
                throw new SalesFactRefusedException("order " + orderId + " has a negative amount");
            }
        }
        if (total.isNegative() || !addsUp(subtotal, shipping, taxIncluded ? new Money(0, currency) : tax, total)) {
            throw new SalesFactRefusedException("order " + orderId + ": subtotal + shipping" + (taxIncluded
                    ? ""
                    : " + tax") + " is not the total");
        }
        if (tax.amount() > total.amount()) {
            throw new SalesFactRefusedException("order " + orderId + ": more tax than the total");
        }
        Sale sale = new Sale();
        sale.orderId = orderId;
        sale.customerId = customerId;
        sale.placedAt = placedAt;
        sale.saleDay = LocalDate.ofInstant(placedAt, ZoneOffset.UTC);
        sale.currency = currency;
        sale.subtotal = subtotal.amount();
        sale.shipping = shipping.amount();
        sale.tax = tax.amount();
        sale.total = total.amount();
        sale.taxIncluded = taxIncluded;
        sale.recordedAt = now;
        sale.lines = new ArrayList<>(lines);
        return sale;
    }

    private static boolean addsUp(Money subtotal, Money shipping, Money tax, Money total) {
        try {
            return subtotal.plus(shipping).plus(tax).equals(total);
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** Taken out of the figures; cancelling again changes nothing. */
    public void cancel(Instant at) {
        if (!cancelled) {
            cancelled = true;
            cancelledAt = at;
        }
    }

    /** @return why this refund cannot be added to this sale, or null if it can */
    public String refusalOf(SaleRefund refund) {
        if (!refund.orderId().equals(orderId)) {
            return "refund " + refund.refundId() + " is for order " + refund.orderId() + ", not " + orderId;
        }
        if (!refund.amount().currency().equals(currency)) {
            return "refund " + refund.refundId() + " is in " + refund.amount().currency() + " but order " + orderId
                    + " was paid in " + currency;
        }
        if (refund.amount().amount() > total - refunded) {
            return "refund " + refund.refundId() + " of " + MoneyText.of(refund.amount().amount(), currency)
                    + " is more than the " + MoneyText.of(total - refunded, currency) + " of order " + orderId
                    + " not yet refunded";
        }
        return null;
    }

    /** @throws SalesFactRefusedException if {@link #refusalOf} names a reason */
    public void addRefund(SaleRefund refund, Instant now) {
        String refusal = refusalOf(refund);
        if (refusal != null) {
            throw new SalesFactRefusedException(refusal);
        }
        refunded += refund.amount().amount();
        refund.applied(now);
    }

    /** Total less refunds: what the sale brought in while it stands. */
    public long netRevenue() {
        return total - refunded;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public LocalDate saleDay() {
        return saleDay;
    }

    public String currency() {
        return currency;
    }

    public Money subtotal() {
        return new Money(subtotal, currency);
    }

    public Money shipping() {
        return new Money(shipping, currency);
    }

    public Money tax() {
        return new Money(tax, currency);
    }

    public Money total() {
        return new Money(total, currency);
    }

    /** The tax is the part of the total that is tax (gross prices), not added to it. */
    public boolean taxIncluded() {
        return taxIncluded;
    }

    public long refunded() {
        return refunded;
    }

    public boolean cancelled() {
        return cancelled;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public List<SaleLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
