package org.mercato.admin.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * Staff tokens from user-war: sign-in with email and password, refresh with the refresh token (access tokens last
 * 15 minutes; each refresh spends the old refresh token), and revoke at sign-out.
 */
@ApplicationScoped
public class StaffTokens {

    @Inject
    ServiceClients clients;

    Clock clock = Clock.systemUTC();

    /** A token pair and when its access token stops working. */
    public record Tokens(String accessToken, String refreshToken, Instant expiresAt) {
    }

    /** Who signed in, as user-war knows them. */
    public record Account(String id, String email, String name, List<String> roles) {
    }

    /** @throws ServiceFailure 401 for wrong credentials, 429 when throttled, 0 when user-war does not answer */
    public Tokens signIn(String email, String password) {
        JsonObject credentials = Json.createObjectBuilder().add("email", email).add("password", password).build();
        return tokens(ServiceFailure.call("users", () -> clients.users().signIn(credentials)));
    }

    /** A new pair for the refresh token; the old one is spent. */
    public Tokens refresh(String refreshToken) {
        JsonObject body = Json.createObjectBuilder().add("refresh_token", refreshToken).build();
        return tokens(ServiceFailure.call("users", () -> clients.users().refresh(body)));
    }

    /** Ends the token's session at user-war; failures are ignored (the token expires anyway). */
    public void revoke(String refreshToken) {
        try {
            JsonObject body = Json.createObjectBuilder().add("refresh_token", refreshToken).build();
            ServiceFailure.run("users", () -> clients.users().revoke(body));
        } catch (ServiceFailure ignored) {
            // nothing to do: the refresh token lapses on its own
        }
    }

    public Account account(String accessToken) {
        JsonObject me = ServiceFailure.call("users", () -> clients.users().me("Bearer " + accessToken));
        List<String> roles = me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        return new Account(me.getString("id"), me.getString("email"), me.getString("name"), roles);
    }

    private Tokens tokens(JsonObject answer) {
        return new Tokens(answer.getString("access_token"), answer.getString("refresh_token"),
                clock.instant().plusSeconds(answer.getJsonNumber("expires_in").longValue()));
    }
}
