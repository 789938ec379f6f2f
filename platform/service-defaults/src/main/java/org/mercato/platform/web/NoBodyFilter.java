package org.mercato.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.problem.Problem;

/**
 * A resource method that reads no body (an action such as {@code POST .../deliver}, every {@code GET}) refuses a
 * request that carries one, with 400 problem+json before the method runs: a client sending a body there has the
 * wrong endpoint or the wrong idea, and must not see the action done. An empty body and {@code {}} (JSON
 * whitespace around and inside allowed) are accepted, as clients that always send JSON send them. The body is read
 * only when the request has one (Content-Length above 0, or chunked); a request without one costs nothing.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class NoBodyFilter implements ContainerRequestFilter {

    /** Bytes read at most to decide (a longer body is never empty or {@code {}}). */
    static final int MAX_READ = 256;

    private static final Map<Method, Boolean> TAKES_BODY = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !hasBody(request) || TAKES_BODY.computeIfAbsent(method, NoBodyFilter::takesBody)) {
            return;
        }
        InputStream entity = request.getEntityStream();
        byte[] read = entity.readNBytes(MAX_READ + 1);
        if (read.length <= MAX_READ && isEmptyOrEmptyObject(read)) {
            request.setEntityStream(new ByteArrayInputStream(read));
            return;
        }
        request.abortWith(Problem.of(400, "no-body", "Invalid request", "This request takes no body")
                .withErrors(java.util.List.of(new Problem.FieldError("body",
                        "must be empty (or {}) for this request")))
                .toResponse(request.getUriInfo().getRequestUri()));
    }

    static boolean hasBody(ContainerRequestContext request) {
        if (request.getLength() > 0) {
            return true;
        }
        String encoding = request.getHeaderString("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** Whether the bytes are JSON whitespace only, or an empty JSON object. */
    static boolean isEmptyOrEmptyObject(byte[] body) {
        StringBuilder significant = new StringBuilder();
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                significant.append((char) (b & 0xFF));
            }
        }
        return significant.isEmpty() || significant.toString().equals("{}");
    }

    /**
     * Whether a resource method reads the request body: it has a parameter JAX-RS fills with the entity (one
     * without a {@code jakarta.ws.rs} annotation), or form parameters ({@code @FormParam}, a {@code @BeanParam} that
     * may hold them, multipart parts).
     */
    static boolean takesBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean injected = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                String name = annotation.annotationType().getName();
                String simple = annotation.annotationType().getSimpleName();
                if (simple.equals("FormParam") || simple.equals("BeanParam") || simple.equals("FormDataParam")) {
                    return true;
                }
                if (name.startsWith("jakarta.ws.rs.") && !simple.equals("Encoded") && !simple.equals(
                        "DefaultValue")) {
                    injected = true;
                }
            }
            if (!injected) {
                return true;
            }
        }
        return false;
    }
}
