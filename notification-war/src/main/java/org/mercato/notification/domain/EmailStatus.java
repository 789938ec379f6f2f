package org.mercato.notification.domain;

/** Where an email is on its way to the shopper's SMTP server. */
public enum EmailStatus {
    /** Waiting to be sent, or to be tried again after a failure. */
    PENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** The SMTP server refused it too many times; nobody tries again. */
    FAILED
}
