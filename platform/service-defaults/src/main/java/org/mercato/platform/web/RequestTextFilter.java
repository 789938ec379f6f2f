package org.mercato.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.json.TextRules;
import org.mercato.platform.problem.Problem;

/**
 * Refuses, with 400, query parameters, path segments and the headers Mercato stores ({@code Idempotency-Key},
 * {@code If-Match}) that hold control characters or unpaired surrogates ({@link TextRules}), or a query value
 * longer than {@value #MAX_QUERY_VALUE} characters: such text would otherwise reach a database or an index. A raw
 * path or query with a malformed percent-escape or escaped bytes that are not UTF-8 ({@link PercentEncoding}) is
 * refused too, before the runtime's decoding turns them into U+FFFD ({@link RequestUriFilter} refuses them earlier
 * still, where the servlet container runs it).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
public class RequestTextFilter implements ContainerRequestFilter {

    /** Longest query parameter value accepted, in characters. */
    public static final int MAX_QUERY_VALUE = 1000;

    private static final String[] STORED_HEADERS = {"Idempotency-Key", "If-Match"};

    @Override
    public void filter(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String rawPath = PercentEncoding.refusal(request.getUriInfo().getRequestUri().getRawPath());
        if (rawPath != null) {
            errors.add(new Problem.FieldError("path", rawPath));
        }
        String rawQuery = PercentEncoding.refusal(request.getUriInfo().getRequestUri().getRawQuery());
        if (rawQuery != null) {
            errors.add(new Problem.FieldError("query", rawQuery));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            for (String value : parameter.getValue()) {
                String name = TextRules.printable(parameter.getKey());
                String refusal = TextRules.refusal(parameter.getKey(), false);
                if (refusal == null) {
                    refusal = TextRules.refusal(value, false);
                }
                if (refusal != null) {
                    errors.add(new Problem.FieldError(name, refusal));
                } else if (value.length() > MAX_QUERY_VALUE) {
                    errors.add(new Problem.FieldError(name, "must have at most " + MAX_QUERY_VALUE + " characters"));
                }
            }
        }
        for (var segment : request.getUriInfo().getPathSegments(true)) {
            String refusal = TextRules.refusal(segment.getPath(), false);
            if (refusal != null) {
                errors.add(new Problem.FieldError("path", refusal));
            }
        }
        for (String header : STORED_HEADERS) {
            String value = request.getHeaderString(header);
            if (value != null) {
                String refusal = TextRules.refusal(value, false);
                if (refusal != null) {
                    errors.add(new Problem.FieldError(header, refusal));
                }
            }
        }
        if (!errors.isEmpty()) {
            request.abortWith(Problem.of(400, "validation", "Invalid request",
                    "The request has " + errors.size() + " invalid parameter(s)").withErrors(errors)
                    .toResponse(request.getUriInfo().getRequestUri()));
        }
    }
}
