package org.mercato.user.interfaces;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.json.StrictJsonReader;

/**
 * Reads the optional body of refresh and logout also when the request has no {@code Content-Type} (the runtime then
 * assumes {@code application/octet-stream}, which the platform's JSON reader does not take): a browser acting by the
 * session cookie posts nothing. An empty body is null; anything else is read by the platform's strict JSON rules.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class RefreshRequestReader implements MessageBodyReader<TokenResource.RefreshRequest> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == TokenResource.RefreshRequest.class;
    }

    @Override
    public TokenResource.RefreshRequest readFrom(Class<TokenResource.RefreshRequest> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) throws IOException {
        String text = new String(entityStream.readAllBytes(), StandardCharsets.UTF_8);
        return (TokenResource.RefreshRequest) StrictJsonReader.bind(text, TokenResource.RefreshRequest.class);
    }
}
