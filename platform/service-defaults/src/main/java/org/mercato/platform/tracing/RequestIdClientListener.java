package org.mercato.platform.tracing;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Puts {@link RequestIdPropagation} on every REST client a service builds (MicroProfile Rest Client's
 * {@code RestClientListener}, found through {@code META-INF/services}), so no client can forget it.
 */
public class RequestIdClientListener implements RestClientListener {

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        builder.register(RequestIdPropagation.class);
    }
}
