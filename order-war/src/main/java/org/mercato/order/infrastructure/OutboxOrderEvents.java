package org.mercato.order.infrastructure;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.outbox.Outbox;
import org.mercato.order.application.OrderEvents;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.order.domain.Totals;
import org.mercato.platform.money.Money;

/** OrderPlaced and OrderCancelled on mercato.orders (docs/events.md), saved in the change's transaction. */
@ApplicationScoped
public class OutboxOrderEvents implements OrderEvents {

    @Inject
    Outbox outbox;

    /** For CDI. */
    public OutboxOrderEvents() {
    }

    /** Over the given outbox, outside a container (tests). */
    public OutboxOrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void placed(Order order) {
        outbox.add(OrderPlaced.CONTRACT, orderPlaced(order));
    }

    @Override
    public void cancelled(Order order, String reason, String actor, boolean refunded) {
        outbox.add(OrderCancelled.CONTRACT, orderCancelled(order, reason, actor, refunded));
    }

    /** The OrderPlaced body of a paid order. */
    private static OrderPlaced orderPlaced(Order order) {
        List<OrderPlaced.Line> lines = order.lines().stream().map(line -> new OrderPlaced.Line(line.sku(),
                line.name(), line.quantity(), amount(line.unitPrice()), amount(line.total()))).toList();
        Totals totals = order.totals();
        OrderPlaced.Totals sums = new OrderPlaced.Totals(amount(totals.subtotal()), amount(totals.shipping()),
                amount(totals.tax()), amount(totals.total()), totals.taxIncluded());
        return new OrderPlaced(order.id().toString(), order.cartId(), customer(order.customer()), lines, sums,
                address(order.shippingAddress()), order.paymentId(), order.updatedAt());
    }

    /** The OrderCancelled body of an order just cancelled. */
    private static OrderCancelled orderCancelled(Order order, String reason, String actor, boolean refunded) {
        List<OrderCancelled.Line> lines = order.lines().stream().map(line -> new OrderCancelled.Line(line.sku(),
                line.quantity())).toList();
        return new OrderCancelled(order.id().toString(), reason, actor, refunded, customer(order.customer()), lines,
                amount(order.totals().total()), order.updatedAt());
    }

    private static OrderCustomer customer(Customer customer) {
        return new OrderCustomer(customer.id(), customer.email(), customer.name());
    }

    private static PostalAddress address(ShippingAddress a) {
        return new PostalAddress(a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country());
    }

    private static MonetaryAmount amount(Money money) {
        return new MonetaryAmount(money.amount(), money.currency());
    }
}
