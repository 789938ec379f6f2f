package org.mercato.analytics.domain;

/** A report request the analytics service refuses; {@link #status()} is the HTTP status that says it best. */
public class AnalyticsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    public AnalyticsException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type slug, e.g. "invalid-report-request". */
    public String type() {
        return type;
    }

    public static AnalyticsException invalid(String message) {
        return new AnalyticsException(400, "invalid-report-request", message);
    }
}
