package org.mercato.order.infrastructure;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * REST clients to the other services: through the gateway address ({@code mercato.api.base-url}) unless a
 * service has its own ({@code mercato.services.<name>.url}, e.g. MERCATO_SERVICES_PAYMENTS_URL), with connect
 * and read timeouts short enough that a placed order never waits long for anyone.
 */
@ApplicationScoped
public class ServiceClients {

    @Inject
    @ConfigProperty(name = "mercato.api.base-url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    @Inject
    Config config;

    public <T> T client(Class<T> api, String service, long readTimeoutMillis) {
        String url = config.getOptionalValue("mercato.services." + service + ".url", String.class).orElse(baseUrl);
        return RestClientBuilder.newBuilder().baseUri(URI.create(url)).connectTimeout(500, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build(api);
    }
}
