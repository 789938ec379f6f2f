package org.mercato.platform.problem;

/**
 * A request a service refuses by its own rules (not a bug, not an outage of its own): the HTTP status that says it
 * best, the problem type slug and a message safe to show. Each service names its own subclass
 * ({@code PaymentException}, {@code OrderException}, ...); {@link RefusedExceptionMapper} answers all of them.
 */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    public RefusedException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type slug, e.g. "payment-declined". */
    public String type() {
        return type;
    }

    /** The problem's title: a short phrase for the status. */
    public String title() {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment declined";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Service error" : "Request refused";
        };
    }

    /** Seconds after which asking again may succeed (a Retry-After header), or null. */
    public Integer retryAfterSeconds() {
        return status == 503 ? 2 : null;
    }
}
