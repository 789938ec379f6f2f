package org.mercato.notification.application;

/**
 * Tells the dispatcher that an email was queued, so it is tried as soon as the queuing transaction commits rather
 * than at the dispatcher's next tick. Only a hastener: the tick finds the email anyway.
 */
@FunctionalInterface
public interface NewEmailSignal {

    void emailQueued();
}
