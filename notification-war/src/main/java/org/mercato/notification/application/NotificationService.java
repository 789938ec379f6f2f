package org.mercato.notification.application;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.notification.domain.ComposedEmail;
import org.mercato.notification.domain.Email;
import org.mercato.notification.domain.EmailRepository;
import org.mercato.notification.domain.NotificationException;
import org.mercato.notification.domain.OrderEmails;

/**
 * Turns order and shipment events (messaging's contract records) into queued emails, and answers staff's questions
 * about the emails sent. An event's email is saved in the transaction that applies the event (and records its id as
 * processed), so it is queued exactly when the event counts as applied: never lost, never queued twice. Sending
 * happens after commit ({@link EmailDispatcher}).
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    EmailRepository emails;

    @Inject
    NewEmailSignal signal;

    @Inject
    Clock clock;

    protected NotificationService() {
        // for CDI
    }

    public NotificationService(EmailRepository emails, NewEmailSignal signal, Clock clock) {
        this.emails = emails;
        this.signal = signal;
        this.clock = clock;
    }

    /**
     * Queues the order confirmation of an {@code OrderPlaced}, in the caller's transaction (the consumer's).
     *
     * @param eventId the event's id: one email per event
     * @return false if this event's email was queued before
     * @throws RejectedMessageException before saving anything, if no email can be written from the event; the
     *             transaction stays usable so the consumer can park the message
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedMessageException.class)
    public boolean orderPlaced(UUID eventId, OrderPlaced event) {
        return queue(OrderEmails.confirmation(EventContents.confirmation(event)), OrderPlaced.TYPE, eventId);
    }

    /** Queues the cancellation email of an {@code OrderCancelled}, as {@link #orderPlaced} does. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedMessageException.class)
    public boolean orderCancelled(UUID eventId, OrderCancelled event) {
        return queue(OrderEmails.cancellation(EventContents.cancellation(event)), OrderCancelled.TYPE, eventId);
    }

    /** Queues the shipping email of a {@code ShipmentDispatched}, as {@link #orderPlaced} does. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedMessageException.class)
    public boolean shipmentDispatched(UUID eventId, ShipmentDispatched event) {
        return queue(OrderEmails.shipping(EventContents.dispatch(event)), ShipmentDispatched.TYPE, eventId);
    }

    private boolean queue(ComposedEmail email, String eventType, UUID eventId) {
        Email queued = Email.queued(email, eventId, clock.instant());
        if (!emails.add(queued)) {
            LOG.info(() -> eventType + " " + eventId + " already has its email; not queued again");
            return false;
        }
        signal.emailQueued();
        return true;
    }

    public Email email(UUID id) {
        return emails.find(id).orElseThrow(() -> NotificationException.notFound("no email " + id));
    }

    /** The sent-mail log, newest first; blank filters match everything. */
    public List<Email> emails(String orderId, String recipient, int offset, int limit) {
        return emails.search(blankToNull(orderId), normalised(recipient), offset, limit);
    }

    public long count(String orderId, String recipient) {
        return emails.count(blankToNull(orderId), normalised(recipient));
    }

    private static String blankToNull(String filter) {
        return filter == null || filter.isBlank() ? null : filter.trim();
    }

    private static String normalised(String recipient) {
        String filter = blankToNull(recipient);
        return filter == null ? null : filter.toLowerCase(Locale.ROOT);
    }
}
