package org.mercato.notification.domain;

/** A request the notification service refuses; {@link #status()} is the HTTP status that says it best. */
public class NotificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    public NotificationException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type slug, e.g. "not-found". */
    public String type() {
        return type;
    }

    public static NotificationException notFound(String message) {
        return new NotificationException(404, "not-found", message);
    }
}
