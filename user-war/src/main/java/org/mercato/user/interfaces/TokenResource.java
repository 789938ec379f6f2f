package org.mercato.user.interfaces;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.user.application.AuthenticationService;
import org.mercato.user.application.TokenPair;
import org.mercato.user.domain.InvalidRefreshTokenException;

/**
 * Login ({@code POST /tokens}, throttled per client address and account), refresh and logout. Tokens are never
 * cached by intermediaries. Every answer that hands out a refresh token also sets it as the session cookie
 * ({@link SessionCookies}); refresh and logout take the token from the JSON body or, when the body has none, from
 * that cookie.
 */
@Path("tokens")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** Longest refresh token looked up; ours have 43 characters. */
    static final int MAX_TOKEN_LENGTH = 200;

    @Inject
    AuthenticationService authentication;

    @Inject
    RateLimitSettings rateLimits;

    @Inject
    SessionCookies sessions;

    @Context
    HttpServletRequest servletRequest;

    /** {@code {"refresh_token": "..."}}; {@code {}} or no body at all means: the session cookie's token. */
    public static final class RefreshRequest {
        @JsonbProperty("refresh_token")
        @Schema(name = "refresh_token")
        @Size(min = 1, max = MAX_TOKEN_LENGTH)
        public String refreshToken;
    }

    /**
     * Sign-in: answers the token pair and sets the session cookie.
     *
     * @throws org.mercato.user.domain.InvalidCredentialsException 401
     * @throws org.mercato.user.domain.SignInThrottledException 429 with {@code Retry-After} (seconds)
     */
    @POST
    public Response login(@Valid @NotNull AccountRequests.Login body) {
        String client = rateLimits.clientAddress(servletRequest);
        return tokens(authentication.login(body.email, body.password.toCharArray(), client));
    }

    /**
     * A new pair for the body's refresh token or, without one, the session cookie's; the old token is spent and the
     * cookie replaced. 401 (and, when the cookie was used, the cookie cleared) for a token that is unknown, spent,
     * expired or absent; 403 when the cookie is used by a request from another site.
     */
    @POST
    @Path("refresh")
    public Response refresh(@Valid RefreshRequest body, @CookieParam(SessionCookies.NAME) String cookie) {
        if (body != null && body.refreshToken != null) {
            return tokens(authentication.refresh(body.refreshToken));
        }
        sessions.requireSameOrigin(servletRequest);
        try {
            if (cookie == null || cookie.isEmpty() || cookie.length() > MAX_TOKEN_LENGTH) {
                throw new InvalidRefreshTokenException();
            }
            return tokens(authentication.refresh(cookie));
        } catch (InvalidRefreshTokenException e) {
            throw new ProblemException(UserProblemMapper.describe(e).withHeader(HttpHeaders.SET_COOKIE,
                    sessions.cleared(servletRequest).toString()));
        }
    }

    /**
     * Logout: ends the session the body's refresh token (or, without one, the session cookie's) belongs to and clears
     * the cookie. Always 204, so it reveals nothing; 403 when the cookie is used by a request from another site.
     */
    @POST
    @Path("revoke")
    public Response revoke(@Valid RefreshRequest body, @CookieParam(SessionCookies.NAME) String cookie) {
        String token = body == null ? null : body.refreshToken;
        if (token == null) {
            sessions.requireSameOrigin(servletRequest);
            token = cookie;
        }
        if (token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH) {
            authentication.logout(token);
        }
        return Response.noContent().cookie(sessions.cleared(servletRequest)).cacheControl(noStore()).build();
    }

    private Response tokens(TokenPair pair) {
        return Response.ok(AccountViews.tokens(pair))
                .cookie(sessions.issued(servletRequest, pair.refreshToken(), pair.refreshExpiresInSeconds()))
                .cacheControl(noStore()).header("Pragma", "no-cache").build();
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
