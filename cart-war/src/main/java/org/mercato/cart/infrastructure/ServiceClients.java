package org.mercato.cart.infrastructure;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * REST clients to the other services, through the gateway address ({@code mercato.api.base-url}), with short
 * connect and read timeouts: a cart read must never wait long for anyone.
 */
@ApplicationScoped
public class ServiceClients {

    @Inject
    @ConfigProperty(name = "mercato.api.base-url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    public <T> T client(Class<T> api) {
        return RestClientBuilder.newBuilder().baseUri(URI.create(baseUrl)).connectTimeout(500, TimeUnit.MILLISECONDS)
                .readTimeout(800, TimeUnit.MILLISECONDS).build(api);
    }
}
