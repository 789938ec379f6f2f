package org.mercato.notification.application;

/**
 * Tells the webhook dispatcher that deliveries were queued or replayed, so they are tried as soon as the transaction
 * commits rather than at the next tick. Only a hastener: the tick finds them anyway.
 */
@FunctionalInterface
public interface NewDeliverySignal {

    void deliveriesQueued();
}
