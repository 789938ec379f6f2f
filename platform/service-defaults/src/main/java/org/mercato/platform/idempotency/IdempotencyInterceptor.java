package org.mercato.platform.idempotency;

import java.lang.reflect.Method;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.problem.Refusals;
import org.mercato.platform.security.Digests;

/**
 * Runs {@link Idempotent} resource methods once per caller and key. The request's fingerprint is the method, the
 * path, the query and the method's arguments as JSON (the body after binding, so formatting does not matter).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    /**
     * The request attribute that makes {@link ReplayHeaderFilter} add {@code Idempotent-Replayed: true}; a resource
     * that keeps its own keys (the cart) sets it for its replays too.
     */
    public static final String REPLAYED = "mercato.idempotent-replayed";
    /** Longest key accepted, in characters. */
    public static final int MAX_KEY_LENGTH = 100;

    private static final class Binder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    @Inject
    IdempotencyStore store;

    @Inject
    HttpServletRequest request;

    @AroundInvoke
    public Object once(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Idempotent contract = method.getAnnotation(Idempotent.class) != null
                ? method.getAnnotation(Idempotent.class)
                : method.getDeclaringClass().getAnnotation(Idempotent.class);
        String key = request.getHeader("Idempotency-Key");
        if (key == null) {
            if (contract != null && contract.required()) {
                throw refusal(400, "idempotency-key-required", "Idempotency-Key required",
                        "send an Idempotency-Key header (1 to " + MAX_KEY_LENGTH + " characters) with this request");
            }
            return invocation.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw refusal(400, "validation", "Invalid request", "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH
                    + " characters");
        }
        String caller = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        String hash = fingerprint(invocation);
        Optional<IdempotencyStore.Entry> earlier = store.claim(caller, key, hash);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash, method.getReturnType());
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception e) {
            Optional<Problem> refusal = Refusals.settled(e,
                    (Providers) request.getAttribute(ReplayHeaderFilter.PROVIDERS));
            if (refusal.isPresent()) {
                // a settled refusal is the first answer too: a replay gets it again, even if the request would
                // pass now (the client's retry of a timed-out refusal must not suddenly move stock or money)
                store.complete(caller, key, refusal.get().status(), refusal.get().toJson(null), null);
            } else {
                store.forget(caller, key);
            }
            throw e;
        } catch (Error e) {
            store.forget(caller, key);
            throw e;
        }
        store.complete(caller, key, status(result), body(result), location(result));
        return result;
    }

    private Object replay(IdempotencyStore.Entry earlier, String hash, Class<?> returnType) {
        if (!earlier.requestHash().equals(hash)) {
            throw refusal(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "this Idempotency-Key was used for a different request");
        }
        if (!earlier.done()) {
            throw refusal(409, "request-in-progress", "Request in progress",
                    "a request with this Idempotency-Key is still running; ask again in a moment");
        }
        request.setAttribute(REPLAYED, Boolean.TRUE);
        if (earlier.status() >= 400) {
            throw new ProblemException(Problem.parse(earlier.body()));
        }
        if (Response.class.isAssignableFrom(returnType)) {
            Response.ResponseBuilder response = Response.status(earlier.status());
            if (earlier.body() != null) {
                response.entity(earlier.body()).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (earlier.location() != null) {
                response.location(java.net.URI.create(earlier.location()));
            }
            return response.build();
        }
        if (earlier.body() == null) {
            return null;
        }
        if (JsonValue.class.isAssignableFrom(returnType)) {
            return Json.createReader(new java.io.StringReader(earlier.body())).readValue();
        }
        return Binder.JSONB.fromJson(earlier.body(), returnType);
    }

    private String fingerprint(InvocationContext invocation) {
        StringBuilder text = new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI())
                .append('?').append(request.getQueryString() == null ? "" : request.getQueryString());
        for (Object argument : invocation.getParameters()) {
            text.append('\n').append(json(argument));
        }
        return Digests.sha256Hex(text.toString());
    }

    private static int status(Object result) {
        return result instanceof Response response ? response.getStatus() : result == null ? 204 : 200;
    }

    private static String body(Object result) {
        Object entity = result instanceof Response response ? response.getEntity() : result;
        return entity == null ? null : json(entity);
    }

    private static String location(Object result) {
        return result instanceof Response response && response.getLocation() != null
                ? response.getLocation().toString()
                : null;
    }

    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonStructure || value instanceof JsonValue) {
            return value.toString();
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.UUID || value instanceof Enum<?>) {
            return Json.createValue(value.toString()).toString();
        }
        return Binder.JSONB.toJson(value);
    }

    private static ProblemException refusal(int status, String slug, String title, String detail) {
        return new ProblemException(Problem.of(status, slug, title, detail));
    }
}
