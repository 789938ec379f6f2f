package org.mercato.user.interfaces;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.mercato.user.application.TokenPair;
import org.mercato.user.application.TokenService;
import org.mercato.user.domain.InvalidCredentialsException;

/**
 * Client credentials for Mercato's own services ({@code POST /service-tokens} {client, secret}): the order service
 * reserves stock and charges with such a token. A client exists when {@code mercato.service-clients.<client>.secret}
 * is configured (MERCATO_SERVICE_CLIENTS_ORDERS_SECRET, ...); embedded mode generates one per start.
 */
@Path("service-tokens")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceTokenResource {

    private static final Logger LOG = Logger.getLogger(ServiceTokenResource.class.getName());

    @Inject
    TokenService tokens;

    public static final class ClientCredentials {
        @NotBlank
        @Size(max = 30)
        public String client;

        @NotBlank
        @Size(max = 200)
        public String secret;
    }

    @POST
    public Response issue(@Valid @NotNull ClientCredentials credentials) {
        Optional<String> expected = credentials.client.matches("[a-z][a-z0-9-]{0,29}")
                ? ConfigProvider.getConfig().getOptionalValue("mercato.service-clients." + credentials.client
                        + ".secret", String.class).filter(secret -> secret.length() >= 16)
                : Optional.empty();
        // compared in constant time; an unknown client costs the same comparison as a wrong secret
        boolean valid = MessageDigest.isEqual(expected.orElse("").getBytes(StandardCharsets.UTF_8),
                credentials.secret.getBytes(StandardCharsets.UTF_8)) && expected.isPresent();
        if (!valid) {
            LOG.warning(() -> "Refused a service token for client '" + credentials.client.replaceAll("[^a-z0-9-]",
                    "?") + "'");
            throw new InvalidCredentialsException("client or secret is wrong");
        }
        TokenPair pair = tokens.issueServiceToken(credentials.client);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Json.createObjectBuilder().add("access_token", pair.accessToken())
                .add("expires_in", pair.expiresInSeconds()).add("token_type", "Bearer").build())
                .cacheControl(noStore).build();
    }
}
