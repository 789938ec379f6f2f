package org.mercato.platform.web;

import java.util.Map;

import jakarta.ws.rs.core.Application;

/**
 * The base of every service's JAX-RS application ({@code @ApplicationPath("api")}): the runtime settings all
 * services share. Jersey's WADL description is off, so {@code OPTIONS} answers only the allowed methods (the
 * description of an API is its OpenAPI document) and no generated XML listing of resources goes out.
 */
public abstract class ServiceApplication extends Application {

    /** Jersey's switch for its WADL feature ({@code ServerProperties.WADL_FEATURE_DISABLE}). */
    static final String WADL_DISABLED = "jersey.config.server.wadl.disableWadl";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(WADL_DISABLED, Boolean.TRUE);
    }
}
