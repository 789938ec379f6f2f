package org.mercato.admin.interfaces;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The console's view of user-war: sign in with email and password, then read who that is. */
@ApplicationScoped
public class UsersApiClient {

    @Inject
    @ConfigProperty(name = "mercato.api.base-url")
    String baseUrl;

    public record SignedIn(String accessToken, String email, String name, List<String> roles) {
    }

    /** @throws SignInRefused with a message fit for the sign-in page */
    public SignedIn signIn(String email, String password) {
        Client client = ClientBuilder.newBuilder().connectTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
                .readTimeout(10, java.util.concurrent.TimeUnit.SECONDS).build();
        try {
            JsonObject credentials = Json.createObjectBuilder().add("email", email).add("password", password)
                    .build();
            String token;
            try (Response response = client.target(baseUrl).path("users/api/tokens").request(
                    MediaType.APPLICATION_JSON).post(Entity.json(credentials.toString()))) {
                if (response.getStatus() == 429) {
                    throw new SignInRefused("Too many failed sign-ins: the account is locked for a while.");
                }
                if (response.getStatus() != 200) {
                    throw new SignInRefused("Email or password is wrong.");
                }
                token = response.readEntity(JsonObject.class).getString("access_token");
            }
            try (Response response = client.target(baseUrl).path("users/api/accounts/me")
                    .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token).get()) {
                if (response.getStatus() != 200) {
                    throw new SignInRefused("The user service did not accept the token (HTTP "
                            + response.getStatus() + ").");
                }
                JsonObject me = response.readEntity(JsonObject.class);
                List<String> roles = me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
                return new SignedIn(token, me.getString("email"), me.getString("name"), roles);
            }
        } catch (ProcessingException unreachable) {
            throw new SignInRefused("The user service cannot be reached right now; try again shortly.");
        } finally {
            client.close();
        }
    }

    public static class SignInRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SignInRefused(String message) {
            super(message);
        }
    }
}
