package org.mercato.platform.tracing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of the request being served, on the thread serving it: the gateway's {@code X-Request-Id} for an HTTP
 * request ({@link org.mercato.platform.web.RequestIdFilter}), an event's JMS correlation id while a consumer applies
 * it. It is passed on with every call to another service (the REST clients' {@link RequestIdPropagation}) and with
 * every event saved meanwhile (the outbox's {@code correlation_id}, sent as {@code JMSCorrelationID}), so one id
 * follows a shopper's action through every service it reaches, in their logs and in the gateway's access log.
 */
public final class RequestIds {

    /** The HTTP header, as the gateway sets and answers it. */
    public static final String HEADER = "X-Request-Id";
    /** What the gateway accepts from a client (docker/gateway/nginx.conf); anything else is not an id. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    /** The id of what this thread serves now, if it has one. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * @return {@code candidate} when it is a sane id (8 to 128 letters, digits, {@code . _ : -}), else null: a
     *         header or property from outside never reaches a log line or another service unchecked
     */
    public static String sanitize(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : null;
    }

    /**
     * Makes {@code id} this thread's request id until the returned scope closes, which restores the one before.
     *
     * @param id a sanitized id, or null for none
     */
    public static Scope open(String id) {
        String before = CURRENT.get();
        if (id == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(id);
        }
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** The extent of one request id on a thread; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
