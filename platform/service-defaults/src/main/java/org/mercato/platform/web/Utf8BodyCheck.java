package org.mercato.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.mercato.platform.json.StrictJsonReader;

/**
 * Every text request body (JSON, {@code text/*} such as a CSV import, a form) declared as UTF-8 or without a charset
 * must be valid UTF-8, whichever reader then reads it (the platform's JSON reader, the runtime's text reader, a
 * service's own): invalid bytes are 400 {@code invalid-utf8}, never decoded into U+FFFD and stored. Binary bodies
 * (images) are not checked. Runs inside the request-size limit, so a body is never read past it.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class Utf8BodyCheck implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isText(context.getMediaType())) {
            byte[] body = context.getInputStream().readAllBytes();
            StrictJsonReader.utf8(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /** Whether a body of this media type is text meant as UTF-8. */
    static boolean isText(MediaType type) {
        if (type == null || type.isWildcardType()) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("text") || subtype.equals("json") || subtype.endsWith("+json")
                || subtype.equals("x-www-form-urlencoded");
    }
}
