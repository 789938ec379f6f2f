package org.mercato.analytics.domain;

import org.mercato.platform.problem.RefusedException;

/** A report request the analytics service refuses; {@link #status()} is the HTTP status that says it best. */
public class AnalyticsException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public AnalyticsException(int status, String type, String message) {
        super(status, type, message);
    }

    public static AnalyticsException invalid(String message) {
        return new AnalyticsException(400, "invalid-report-request", message);
    }
}
