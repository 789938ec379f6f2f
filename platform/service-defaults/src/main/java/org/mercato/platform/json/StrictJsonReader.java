package org.mercato.platform.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * Reads every JSON request body bound to a Java type (DTOs, records, lists of them) in every service: parsed within
 * {@link JsonLimits}, checked by {@link StrictJsonBinding} (integers only where the type is an integer, no unknown
 * properties, no control characters), then bound by JSON-B. Refusals are 400 problem+json naming each property.
 * Bodies read as text or as JSON-P values are left to the runtime's own readers.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(1)
public class StrictJsonReader implements MessageBodyReader<Object> {

    /** Created at first use: a JSON-B provider is looked up once per class loader, not per request. */
    private static final class Binder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !(type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || java.io.Reader.class.isAssignableFrom(type) || JsonValue.class.isAssignableFrom(type)
                || type.getName().startsWith("jakarta.activation") || type.getName().startsWith("java.io"));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String text = new String(entityStream.readAllBytes(), StandardCharsets.UTF_8);
        return bind(text, genericType == null ? type : genericType);
    }

    /**
     * Binds a JSON document to a type by the strict contract (also for bodies a resource reads as text).
     *
     * @return the bound value, or null for an empty body
     * @throws ProblemException 400 when the document is malformed, past a limit or does not fit the type
     */
    public static Object bind(String json, Type type) {
        JsonValue document = JsonLimits.parse(json);
        if (document == null) {
            return null;
        }
        List<Problem.FieldError> errors = StrictJsonBinding.check(document, type);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "validation", "Invalid request",
                    "The request has " + errors.size() + " invalid field(s)").withErrors(errors));
        }
        try {
            return Binder.JSONB.fromJson(document.toString(), type);
        } catch (JsonbException e) {
            throw new ProblemException(Problem.of(400, "validation", "Invalid request",
                    "The request body does not fit this resource"));
        }
    }
}
