package org.mercato.analytics.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.mercato.analytics.domain.Sale;
import org.mercato.analytics.domain.SaleCancellation;
import org.mercato.analytics.domain.SaleLine;
import org.mercato.analytics.domain.SaleRefund;
import org.mercato.analytics.domain.SalesFactRefusedException;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/**
 * Turns the order events' contract records (read by JSON-B, their required fields already checked) into sales
 * facts. What the records cannot check is checked here, before any change: a fact that can never be made is
 * refused with a {@link RejectedMessageException} naming what is wrong, which parks the message with that reason.
 */
final class OrderEventFacts {

    private OrderEventFacts() {
    }

    static Sale sale(OrderPlaced placed, Instant now) {
        OrderPlaced.Totals totals = placed.totals();
        Money total = money(totals.total(), "totals.total", OrderPlaced.TYPE);
        List<SaleLine> lines = new ArrayList<>();
        for (OrderPlaced.Line line : placed.lines()) {
            Money lineTotal = money(line.total(), "lines[].total", OrderPlaced.TYPE);
            if (!lineTotal.currency().equals(total.currency())) {
                throw new RejectedMessageException(OrderPlaced.TYPE + " has a line in " + lineTotal.currency()
                        + " in an order paid in " + total.currency());
            }
            lines.add(refusedAsRejected(OrderPlaced.TYPE, () -> new SaleLine(line.sku(), line.name(), line
                    .quantity(), lineTotal.amount())));
        }
        Money subtotal = money(totals.subtotal(), "totals.subtotal", OrderPlaced.TYPE);
        Money shipping = money(totals.shipping(), "totals.shipping", OrderPlaced.TYPE);
        Money tax = money(totals.tax(), "totals.tax", OrderPlaced.TYPE);
        return refusedAsRejected(OrderPlaced.TYPE, () -> Sale.placed(placed.orderId(), placed.customer().id(),
                placed.placedAt(), subtotal, shipping, tax, total, totals.taxIncluded(), lines, now));
    }

    static SaleCancellation cancellation(OrderCancelled cancelled, Instant now) {
        return refusedAsRejected(OrderCancelled.TYPE, () -> new SaleCancellation(cancelled.orderId(), cancelled
                .cancelledAt(), cancelled.cancelledBy(), cancelled.reason(), now));
    }

    /** @param occurredAt when payments refunded, from the envelope */
    static SaleRefund refund(PaymentRefunded refunded, Instant occurredAt, Instant now) {
        Money amount = money(refunded.amount(), "amount", PaymentRefunded.TYPE);
        return refusedAsRejected(PaymentRefunded.TYPE, () -> new SaleRefund(refunded.refundId(), refunded
                .orderId(), refunded.paymentId(), amount, occurredAt, now));
    }

    /** The event's money as the shop's: its currency must be a known ISO 4217 code, its amount within limits. */
    private static Money money(MonetaryAmount amount, String path, String eventType) {
        if (!Money.isCurrency(amount.currency())) {
            throw new RejectedMessageException(eventType + ": " + path + ".currency " + amount.currency()
                    + " is not an ISO 4217 code");
        }
        try {
            return new Money(amount.amount(), amount.currency());
        } catch (MoneyLimitException tooLarge) {
            throw new RejectedMessageException(eventType + ": " + path + ".amount is out of range");
        }
    }

    private static <T> T refusedAsRejected(String eventType, Supplier<T> fact) {
        try {
            return fact.get();
        } catch (SalesFactRefusedException refused) {
            throw new RejectedMessageException(eventType + ": " + refused.getMessage());
        }
    }
}
