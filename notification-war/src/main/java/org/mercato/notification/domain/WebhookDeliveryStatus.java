package org.mercato.notification.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a webhook delivery is, and where it may go next: PENDING (due, or waiting for its next attempt) to
 * DELIVERED (a 2xx answer) or FAILED (no 2xx within the retry window); staff may replay a DELIVERED or FAILED one,
 * which makes it PENDING again.
 */
public enum WebhookDeliveryStatus {
    PENDING, DELIVERED, FAILED;

    /** The steps this status may take. */
    public Set<WebhookDeliveryStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PENDING, DELIVERED, FAILED);
            case DELIVERED, FAILED -> EnumSet.of(PENDING);
        };
    }

    public boolean mayMoveTo(WebhookDeliveryStatus target) {
        return next().contains(target);
    }
}
