package org.mercato.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One email to a shopper, from the moment the event that asked for it was applied: queued ({@code PENDING}) in
 * that event's transaction, then sent by the dispatcher after commit. It stays as the sent-mail log entry.
 * <p>
 * A failed attempt waits 2 s, doubling up to 5 min, before the next. While the SMTP server cannot be reached at
 * all the email keeps waiting, however long the outage lasts (the outage delays mail, it loses none); only an
 * email the server itself refused {@value #MAX_ATTEMPTS} times is given up ({@code FAILED}).
 */
@Entity
@Table(name = "email")
public class Email {

    public static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private EmailKind kind;

    @Column(name = "order_id", nullable = false, length = 64)
    private String orderId;

    /** The event this email answers: one event, one email. */
    @Column(name = "event_id", nullable = false, unique = true)
    private UUID eventId;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "text_body", nullable = false, columnDefinition = "text")
    private String text;

    @Column(name = "html_body", nullable = false, columnDefinition = "text")
    private String html;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EmailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Email() {
        // for JPA
    }

    /** A new email, due at once. */
    public static Email queued(ComposedEmail content, UUID eventId, Instant now) {
        Email email = new Email();
        email.id = UUID.randomUUID();
        email.kind = content.kind();
        email.orderId = content.orderId();
        email.eventId = eventId;
        email.recipient = content.recipient();
        email.subject = content.subject();
        email.text = content.text();
        email.html = content.html();
        email.status = EmailStatus.PENDING;
        email.nextAttemptAt = now;
        email.createdAt = now;
        return email;
    }

    /** The SMTP server accepted it. */
    public void sent(Instant now) {
        requirePending();
        status = EmailStatus.SENT;
        sentAt = now;
    }

    /**
     * An attempt failed: it waits its back-off, or is given up after {@value #MAX_ATTEMPTS} attempts if the server
     * refused it.
     *
     * @param serverUnreachable the server could not be reached or would not let us in (down, wrong settings): not
     *            this email's fault, so it is never given up for it
     */
    public void notSent(String error, boolean serverUnreachable, Instant now) {
        requirePending();
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        if (!serverUnreachable && attempts >= MAX_ATTEMPTS) {
            status = EmailStatus.FAILED;
        } else {
            nextAttemptAt = now.plus(backOff(attempts));
        }
    }

    /** The wait after the n-th failed attempt: 2 s, 4 s, 8 s... at most 5 minutes. */
    static Duration backOff(int failedAttempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private void requirePending() {
        if (status != EmailStatus.PENDING) {
            throw new IllegalStateException("email " + id + " is " + status + ", not PENDING");
        }
    }

    /** The part after the @, which is all the logs say about a recipient. */
    public String recipientDomain() {
        int at = recipient.lastIndexOf('@');
        return at < 0 ? "?" : recipient.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public EmailKind kind() {
        return kind;
    }

    public String orderId() {
        return orderId;
    }

    public UUID eventId() {
        return eventId;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public EmailStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
