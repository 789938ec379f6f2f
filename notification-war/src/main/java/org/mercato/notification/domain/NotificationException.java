package org.mercato.notification.domain;

import org.mercato.platform.problem.RefusedException;

/** A request the notification service refuses; {@link #status()} is the HTTP status that says it best. */
public class NotificationException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public NotificationException(int status, String type, String message) {
        super(status, type, message);
    }

    public static NotificationException notFound(String message) {
        return new NotificationException(404, "not-found", message);
    }
}
