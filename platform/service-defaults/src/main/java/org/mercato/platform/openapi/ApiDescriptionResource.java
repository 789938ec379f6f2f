package org.mercato.platform.openapi;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET <service>/api/openapi}: this service's own OpenAPI 3.1 document ({@link ApiDescription}), built once
 * from its resource classes. Reachable per service however many services share one instance; Payara's
 * {@code /openapi} is the merged view of an instance.
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

    private volatile JsonObject document;

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
}
