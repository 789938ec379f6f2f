package org.mercato.platform.tracing;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Sends the current request id ({@link RequestIds}) as {@code X-Request-Id} with a call to another service, unless
 * the call sets one itself. Registered on every MicroProfile REST client by {@link RequestIdClientListener}.
 */
public class RequestIdPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(RequestIds.HEADER)) {
            return;
        }
        RequestIds.current().ifPresent(id -> request.getHeaders().putSingle(RequestIds.HEADER, id));
    }
}
