package org.mercato.notification.domain;

/**
 * A webhook request refused for a domain reason; the interfaces layer maps the reason to an HTTP status (invalid:
 * 400 naming {@link #field()}, unknown: 404, not now: 409).
 */
public class WebhookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** A value of the request breaks a rule; {@link WebhookException#field()} names it. */
        INVALID,
        /** No endpoint or delivery with that id (or it belongs to another endpoint). */
        UNKNOWN,
        /** The endpoint's state does not allow it (a replay to a disabled endpoint). */
        NOT_NOW
    }

    private final Reason reason;
    private final String field;

    public WebhookException(Reason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public static WebhookException invalid(String field, String message) {
        return new WebhookException(Reason.INVALID, field, field + " " + message);
    }

    public static WebhookException unknown(String message) {
        return new WebhookException(Reason.UNKNOWN, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The request property at fault, for {@link Reason#INVALID}; null otherwise. */
    public String field() {
        return field;
    }
}
