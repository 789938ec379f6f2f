package org.mercato.platform.openapi;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET <service>/api/openapi}: this service's own OpenAPI 3.1 document ({@link ApiDescription}), built once
 * from its resource classes, reachable per service however many services share one instance.
 * {@code GET <service>/api/openapi/merged}: every service's document in one ({@code mercato.openapi.services},
 * fetched from {@code mercato.api.base-url}, the gateway or the embedded instance), each schema name prefixed
 * with its service. Payara's own {@code /openapi} merges the WARs of an instance without their context roots and
 * is kept only for tools that expect it.
 */
@Path("openapi")
@ApplicationScoped
public class ApiDescriptionResource {

    @Inject
    BeanManager beans;

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String service;

    @Inject
    @ConfigProperty(name = "mercato.version", defaultValue = "dev")
    String version;

    @Inject
    @ConfigProperty(name = "mercato.api.base-url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "mercato.openapi.services", defaultValue = "users,catalog,inventory,orders,cart,payments,notifications,fulfillment,analytics")
    List<String> services;

    private volatile JsonObject document;
    /** The merged view once every service answered: it is built once, not per request (it calls every service). */
    private volatile JsonObject mergedDocument;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.oai.openapi+json"})
    public JsonObject document() {
        JsonObject built = document;
        if (built == null) {
            List<Class<?>> resources = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                    .map(Bean::getBeanClass).filter(c -> c.isAnnotationPresent(Path.class)).distinct().toList();
            built = ApiDescription.of(service, version, resources);
            document = built;
        }
        return built;
    }

    /**
     * Every service's document merged: paths as they are (each carries its context root), schemas renamed
     * {@code <service>.<name>}. A service that does not answer is listed under {@code x-missing}.
     */
    @GET
    @Path("merged")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.oai.openapi+json"})
    public JsonObject merged() {
        JsonObject cached = mergedDocument;
        if (cached != null) {
            return cached;
        }
        JsonObjectBuilder paths = Json.createObjectBuilder();
        JsonObjectBuilder schemas = Json.createObjectBuilder();
        JsonArrayBuilder missing = Json.createArrayBuilder();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String name : services) {
            JsonObject own;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + name
                        + "/api/openapi")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    missing.add(name);
                    continue;
                }
                String renamed = response.body().replace("#/components/schemas/", "#/components/schemas/" + name
                        + ".");
                own = Json.createReader(new StringReader(renamed)).readObject();
            } catch (IOException | RuntimeException e) {
                missing.add(name);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing.add(name);
                continue;
            }
            own.getJsonObject("paths").forEach(paths::add);
            own.getJsonObject("components").getJsonObject("schemas").forEach((schema, value) -> schemas.add(name
                    + "." + schema, value));
        }
        JsonObject self = document();
        JsonArray notAnswering = missing.build();
        JsonObject built = Json.createObjectBuilder(self)
                .add("info", Json.createObjectBuilder().add("title", "Mercato API").add("version", version))
                .add("paths", paths)
                .add("components", Json.createObjectBuilder(self.getJsonObject("components"))
                        .add("schemas", schemas))
                .add("x-missing", notAnswering).build();
        if (notAnswering.isEmpty()) {
            mergedDocument = built;
        }
        return built;
    }
}
