package org.mercato.user.interfaces;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.user.application.AuthenticationService;

/** Login ({@code POST /tokens}, throttled per client address and account), refresh and logout. Tokens are never cached by intermediaries. */
@Path("tokens")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    AuthenticationService authentication;

    @Inject
    RateLimitSettings rateLimits;

    @Context
    HttpServletRequest servletRequest;

    public static final class RefreshRequest {
        @JsonbProperty("refresh_token")
        @Schema(name = "refresh_token")
        @NotBlank
        @Size(max = 200)
        public String refreshToken;
    }

    @POST
    public Response login(@Valid @NotNull AccountRequests.Login body) {
        String client = rateLimits.clientAddress(servletRequest);
        return noStore(AccountViews.tokens(authentication.login(body.email, body.password.toCharArray(), client)));
    }

    @POST
    @Path("refresh")
    public Response refresh(@Valid @NotNull RefreshRequest body) {
        return noStore(AccountViews.tokens(authentication.refresh(body.refreshToken)));
    }

    /** Logout: ends the session the refresh token belongs to. Always 204, so it reveals nothing. */
    @POST
    @Path("revoke")
    public Response revoke(@Valid @NotNull RefreshRequest body) {
        authentication.logout(body.refreshToken);
        return Response.noContent().build();
    }

    private static Response noStore(JsonObject tokens) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(tokens).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
