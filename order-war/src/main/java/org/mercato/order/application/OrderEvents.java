package org.mercato.order.application;

import org.mercato.order.domain.Order;

/** What the order service tells the others (through the outbox, in the transaction of the change). */
public interface OrderEvents {

    void placed(Order order);

    void cancelled(Order order, String reason, String actor, boolean refunded);
}
