package org.mercato.admin.infrastructure;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The console's REST clients, built once per service: through the gateway ({@code mercato.api.base-url}) unless a
 * service has its own address ({@code mercato.services.<name>.url}), with connect and read timeouts from config
 * ({@code mercato.admin.connect-timeout-ms}, {@code mercato.admin.read-timeout-ms}, or per service
 * {@code mercato.admin.<name>.read-timeout-ms}) so a slow service costs a screen a few seconds, never a hung page.
 */
@ApplicationScoped
public class ServiceClients {

    @Inject
    @ConfigProperty(name = "mercato.api.base-url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "mercato.admin.connect-timeout-ms", defaultValue = "1000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "mercato.admin.read-timeout-ms", defaultValue = "5000")
    long readTimeoutMillis;

    @Inject
    Config config;

    private final ConcurrentMap<Class<?>, Object> clients = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ShopApis.Health> healthClients = new ConcurrentHashMap<>();

    public ShopApis.Users users() {
        return client(ShopApis.Users.class, "users");
    }

    public ShopApis.Catalog catalog() {
        return client(ShopApis.Catalog.class, "catalog");
    }

    public ShopApis.Inventory inventory() {
        return client(ShopApis.Inventory.class, "inventory");
    }

    public ShopApis.Orders orders() {
        return client(ShopApis.Orders.class, "orders");
    }

    public ShopApis.Payments payments() {
        return client(ShopApis.Payments.class, "payments");
    }

    public ShopApis.Fulfillment fulfillment() {
        return client(ShopApis.Fulfillment.class, "fulfillment");
    }

    public ShopApis.Analytics analytics() {
        return client(ShopApis.Analytics.class, "analytics");
    }

    public ShopApis.Notifications notifications() {
        return client(ShopApis.Notifications.class, "notifications");
    }

    public ShopApis.Outboxes outboxes() {
        return client(ShopApis.Outboxes.class, "outboxes");
    }

    /**
     * The readiness documents the dashboard reads: {@code mercato.admin.health-urls} (comma-separated; cluster mode
     * and Swarm list each service's, e.g. {@code http://gateway:8081/users/health/ready}), else the one at
     * {@code <base-url>/health/ready}, which in embedded mode lists every service's checks.
     *
     * @return one client per URL, in the order configured, each answering its URL's document
     */
    public java.util.Map<String, ShopApis.Health> health() {
        List<String> urls = config.getOptionalValues("mercato.admin.health-urls", String.class)
                .orElse(List.of(baseUrl + "/health/ready"));
        java.util.Map<String, ShopApis.Health> health = new java.util.LinkedHashMap<>();
        for (String url : urls) {
            health.put(url, healthClients.computeIfAbsent(url, u -> RestClientBuilder.newBuilder()
                    .baseUri(URI.create(u)).connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build(ShopApis.Health.class)));
        }
        return health;
    }

    private <T> T client(Class<T> api, String service) {
        return api.cast(clients.computeIfAbsent(api, type -> {
            String url = config.getOptionalValue("mercato.services." + service + ".url", String.class)
                    .orElse(baseUrl);
            long read = config.getOptionalValue("mercato.admin." + service + ".read-timeout-ms", Long.class)
                    .orElse(readTimeoutMillis);
            return RestClientBuilder.newBuilder().baseUri(URI.create(url))
                    .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                    .readTimeout(read, TimeUnit.MILLISECONDS).build(type);
        }));
    }
}
