package org.mercato.notification.infrastructure;

import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.notification.application.NotificationService;

/**
 * The effect of one received event, shared by the listeners: its body read into its contract record (a body of
 * another shape or a newer version is refused, naming the field), then the email it asks for queued.
 */
public final class EventEmails {

    private EventEmails() {
    }

    /**
     * @return false if this event's email was queued before
     * @throws RejectedMessageException if the body is unreadable, of an event notification does not consume, or no
     *             email can be written from it
     */
    public static boolean queue(ReceivedEvent event, NotificationService notifications) {
        return switch (event.eventType()) {
            case OrderPlaced.TYPE -> notifications.orderPlaced(event.headers().eventId(), event.body(
                    OrderPlaced.CONTRACT));
            case OrderCancelled.TYPE -> notifications.orderCancelled(event.headers().eventId(), event.body(
                    OrderCancelled.CONTRACT));
            case ShipmentDispatched.TYPE -> notifications.shipmentDispatched(event.headers().eventId(), event.body(
                    ShipmentDispatched.CONTRACT));
            default -> throw new RejectedMessageException(event.eventType()
                    + " is not an event notification consumes");
        };
    }
}
