package org.mercato.notification.domain;

import java.util.Objects;

/** An email written and addressed, not yet queued: what {@link OrderEmails} makes of an event. */
public record ComposedEmail(EmailKind kind, String orderId, String recipient, String subject, String text,
        String html) {

    public ComposedEmail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
