package org.mercato.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import org.mercato.platform.json.TextRules;

/**
 * An RFC 9457 problem detail. Every error a Mercato service returns is one of these, so clients parse one shape.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://mercato.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public record FieldError(String field, String message) {
    }

    private Problem(int status, String type, String title, String detail, List<FieldError> errors,
            Map<String, String> headers) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
        this.headers = headers;
    }

    /** @param slug short machine-readable kind, e.g. {@code email-taken}; becomes the type URI. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_BASE + slug, title, detail, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(status, type, title, detail, List.copyOf(fieldErrors), headers);
    }

    public Problem withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Problem(status, type, title, detail, errors, Map.copyOf(copy));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A header the answer carries besides the body (e.g. {@code Retry-After}), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * Reads back a problem written by {@link #toJson(URI)} (its {@code instance}, if any, is dropped: the answer
     * that carries it again names its own request).
     *
     * @throws IllegalArgumentException if the text is not a problem object with {@code type}, {@code title} and
     *         {@code status}
     */
    public static Problem parse(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            jakarta.json.JsonObject object = reader.readObject();
            List<FieldError> fieldErrors = object.containsKey("errors")
                    ? object.getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class).stream()
                            .map(e -> new FieldError(e.getString("field"), e.getString("message"))).toList()
                    : List.of();
            return new Problem(object.getInt("status"), object.getString("type"), object.getString("title"),
                    object.getString("detail", null), fieldErrors, Map.of());
        } catch (jakarta.json.JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a problem document: " + e.getMessage(), e);
        }
    }

    public String toJson(URI instance) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", TextRules.neutral(title))
                .add("status", status);
        if (detail != null) {
            json.add("detail", TextRules.neutral(detail));
        }
        if (instance != null) {
            // the path as the client sent it (percent-encoded), not decoded into whatever text it carried
            json.add("instance", instance.getRawPath());
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", TextRules.neutral(e.field()))
                    .add("message", TextRules.neutral(e.message()))));
            json.add("errors", list);
        }
        // a problem may quote the request (a name, a path, an id): control, bidirectional and other invisible
        // format characters were replaced above (TextRules.neutral), so a quoted value cannot reorder the message;
        // no markup is ever written back, whatever reads it
        // (<, > and & only occur inside JSON strings, where an escape of the code point means the same character)
        return TextRules.withoutMarkup(json.build().toString());
    }

    public Response toResponse(URI instance) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MEDIA_TYPE)
                .entity(toJson(instance));
        headers.forEach(response::header);
        return response.build();
    }
}
