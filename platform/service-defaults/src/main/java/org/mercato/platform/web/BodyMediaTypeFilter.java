package org.mercato.platform.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.problem.Problem;

/**
 * A request body must say what it is: JSON ({@code application/json} or a {@code +json} type) unless the resource
 * method declares other media types with {@code @Consumes} (a CSV import, a picture upload), and text only in UTF-8
 * (no {@code charset} or {@code charset=utf-8}). Anything else is 415 problem+json before the method runs, also on
 * endpoints whose body is optional ({@code {}} sent to an action) or read as text, so a body is never guessed at.
 * A request without a body (no Content-Length, or 0, and not chunked) is not concerned. Runs after
 * {@link NoBodyFilter}: an action that takes no body refuses a real one as 400 {@code no-body} whatever its type.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 110)
public class BodyMediaTypeFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !NoBodyFilter.hasBody(request)) {
            return;
        }
        String refusal = refusal(request.getMediaType(), declaredTypes(method, resource.getResourceClass()));
        if (refusal != null) {
            request.abortWith(Problem.of(415, "unsupported-media-type", "Unsupported Media Type", refusal)
                    .toResponse(request.getUriInfo().getRequestUri()));
        }
    }

    /**
     * @param type the body's Content-Type (null when the request names none)
     * @param declared the media types the method declares with {@code @Consumes} (empty: JSON is expected)
     * @return why the body's media type is refused, or null
     */
    static String refusal(MediaType type, String[] declared) {
        if (type == null) {
            return "a request body needs a Content-Type (application/json)";
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return "request bodies are read as UTF-8 only, not " + charset.replaceAll("[^A-Za-z0-9._-]", "?");
        }
        boolean others = Arrays.stream(declared).map(MediaType::valueOf).anyMatch(d -> !d.isWildcardType()
                && !isJson(d));
        if (others) {
            return null; // the runtime matched the body's type against the declared ones (else 415 already)
        }
        return isJson(type) ? null : "this request takes a JSON body (Content-Type: application/json)";
    }

    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith(
                "+json"));
    }

    private static String[] declaredTypes(Method method, Class<?> resourceClass) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null && resourceClass != null) {
            consumes = resourceClass.getAnnotation(Consumes.class);
        }
        return consumes == null
                ? new String[0]
                : Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                        .toArray(String[]::new);
    }
}
