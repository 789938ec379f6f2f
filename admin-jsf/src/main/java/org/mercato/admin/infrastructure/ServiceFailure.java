package org.mercato.admin.infrastructure;

import java.util.function.Supplier;

import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A service call that did not give the console what it asked for, with a message fit for staff: the API's
 * problem+json {@code title} and {@code detail} (RFC 9457), or that the service did not answer in time. Never a
 * stack trace or a token.
 */
public class ServiceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ServiceFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the service answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    public boolean unavailable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Runs one call to {@code service}, translating what can go wrong into a {@link ServiceFailure}.
     *
     * @param service the service's name as staff know it ("orders", "catalog", ...)
     */
    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException answered) {
            throw fromResponse(service, answered.getResponse());
        } catch (ProcessingException | IllegalStateException unreachable) {
            throw new ServiceFailure(0, "The " + service + " service is not answering right now ("
                    + reason(unreachable) + "); try again shortly.");
        }
    }

    /** The same for calls that answer nothing. */
    public static void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }

    static ServiceFailure fromResponse(String service, Response response) {
        int status = response.getStatus();
        JsonObject problem = null;
        try {
            if (response.hasEntity()) {
                problem = response.readEntity(JsonObject.class);
            }
        } catch (RuntimeException notJson) {
            // a gateway's HTML error page: the status says enough
        }
        return new ServiceFailure(status, describe(service, status, problem));
    }

    /** "Title: detail" from a problem+json body, or a plain sentence for the status when there is none. */
    static String describe(String service, int status, JsonObject problem) {
        String title = problem == null ? null : problem.getString("title", null);
        String detail = problem == null ? null : problem.getString("detail", null);
        if (title != null && detail != null && !detail.isBlank()) {
            return title + ": " + detail;
        }
        if (title != null) {
            return title;
        }
        if (detail != null) {
            return detail;
        }
        return switch (status) {
            case 401 -> "The " + service + " service did not accept your session; sign in again.";
            case 403 -> "Your account may not do this in the " + service + " service.";
            case 404 -> "The " + service + " service does not know this item.";
            case 502, 503, 504 -> "The " + service + " service is not available right now; try again shortly.";
            default -> "The " + service + " service answered HTTP " + status + ".";
        };
    }

    private static String reason(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
            if (cause instanceof java.net.ConnectException) {
                return "connection refused";
            }
        }
        return "no answer";
    }
}
