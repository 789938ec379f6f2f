package org.mercato.platform.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
 *
 * <p>
 * Only {@code application/json} and {@code application/*+json}, without a charset or with {@code charset=utf-8}
 * (any case), are read: a wildcard ({@code *}{@code /*}, {@code application/*}) or another charset is 415
 * problem+json. The bytes must be valid UTF-8 (no overlong forms, no encoded surrogates, no stray bytes): anything
 * else is 400, never replaced by U+FFFD.
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
        String refusal = mediaTypeRefusal(mediaType);
        if (refusal != null) {
            throw new ProblemException(unsupported(refusal));
        }
        String text = utf8(entityStream.readAllBytes());
        return bind(text, genericType == null ? type : genericType);
    }

    /**
     * Why a request's media type is not a JSON body this reader takes, or null when it is.
     *
     * @param mediaType the request's Content-Type (null when it has none)
     */
    public static String mediaTypeRefusal(MediaType mediaType) {
        if (mediaType == null || mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
            return "Content-Type must be application/json (not a wildcard)";
        }
        String type = mediaType.getType().toLowerCase(Locale.ROOT);
        String subtype = mediaType.getSubtype().toLowerCase(Locale.ROOT);
        if (!type.equals("application") || !(subtype.equals("json") || subtype.endsWith("+json"))) {
            return "Content-Type must be application/json";
        }
        String charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return "a JSON body must be UTF-8 (charset=utf-8 or no charset)";
        }
        return null;
    }

    /** The 415 problem for a request body of a media type the resource does not read. */
    public static Problem unsupported(String detail) {
        return Problem.of(415, "unsupported-media-type", "Unsupported Media Type", detail);
    }

    /**
     * Decodes a request body as strict UTF-8.
     *
     * @return the text
     * @throws ProblemException 400 {@code invalid-utf8} when the bytes are not valid UTF-8 (an overlong form such as
     *             {@code C0 80}, an encoded surrogate such as {@code ED A0 80}, a byte like {@code FF}, or a
     *             sequence cut short)
     */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(invalidUtf8("body"));
        }
    }

    /** The 400 problem for text that is not valid UTF-8, naming where it was (body, a parameter, the path). */
    public static Problem invalidUtf8(String where) {
        return Problem.of(400, "invalid-utf8", "Invalid request", "The request's text must be valid UTF-8")
                .withErrors(List.of(new Problem.FieldError(where, "is not valid UTF-8")));
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
