package org.mercato.order.infrastructure;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.order.application.DependencyUnavailableException;

/**
 * The order service's own access token (client credentials at the users service, role {@code service}): it
 * reserves stock and charges in its own name. Kept until a minute before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    /** The users service's client-credentials endpoint. */
    public interface TokenClient {
        @POST
        @Path("/users/api/service-tokens")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject issue(JsonObject credentials);
    }

    static final String CLIENT = "orders";

    @Inject
    ServiceClients clients;

    @Inject
    @ConfigProperty(name = "mercato.service-clients.orders.secret", defaultValue = "")
    String secret;

    @Inject
    Clock clock;

    private TokenClient client;
    private String token;
    private Instant renewAt = Instant.MIN;

    @PostConstruct
    void open() {
        client = clients.client(TokenClient.class, "users", 2000);
    }

    /** The Authorization header value. */
    public synchronized String bearer() {
        if (token == null || clock.instant().isAfter(renewAt)) {
            if (secret.isBlank()) {
                throw new IllegalStateException("MERCATO_SERVICE_CLIENTS_ORDERS_SECRET is not set: the order"
                        + " service cannot reserve stock or charge");
            }
            try {
                JsonObject issued = client.issue(Json.createObjectBuilder().add("client", CLIENT)
                        .add("secret", secret).build());
                token = issued.getString("access_token");
                renewAt = clock.instant().plusSeconds(Math.max(30, issued.getJsonNumber("expires_in").longValue()
                        - 60));
            } catch (WebApplicationException | ProcessingException e) {
                throw new DependencyUnavailableException("users", "no service token: " + e.getMessage(), e);
            }
        }
        return "Bearer " + token;
    }

    /** A token refused downstream (e.g. the signing key changed): ask for a new one next time. */
    public synchronized void forget() {
        token = null;
    }
}
