package org.mercato.user.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.platform.web.TrustedProxies;
import org.mercato.user.application.InMemoryAuthentication;
import org.mercato.user.domain.InvalidRefreshTokenException;

/** The token endpoints' session cookie and its CSRF rule, on the real use cases over in-memory fakes. */
class TokenResourceTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String COOKIE_PATH = "/users/api/tokens";

    private InMemoryAuthentication authentication;
    private UUID accountId;

    @BeforeEach
    void setUp() {
        authentication = new InMemoryAuthentication();
        accountId = authentication.customer("ada@shop.example", PASSWORD).id();
    }

    private TokenResource resource(HttpServletRequest request) {
        TokenResource resource = new TokenResource();
        resource.authentication = authentication.service();
        resource.rateLimits = new RateLimitSettings() {
            @Override
            public String clientAddress(HttpServletRequest r) {
                return r.getRemoteAddr();
            }
        };
        resource.sessions = new SessionCookies();
        resource.sessions.proxies = TrustedProxies.parse("10.0.0.0/8");
        resource.servletRequest = request;
        return resource;
    }

    private TokenResource resource() {
        return resource(new BrowserRequest().build());
    }

    private Response signIn(TokenResource resource) {
        AccountRequests.Login login = new AccountRequests.Login();
        login.email = "ada@shop.example";
        login.password = PASSWORD;
        return resource.login(login);
    }

    private static String setCookie(Response response) {
        List<String> values = response.getStringHeaders().get(HttpHeaders.SET_COOKIE);
        assertEquals(1, values.size(), String.valueOf(values));
        return values.get(0);
    }

    private static String setCookie(ProblemException problem) {
        Response response = problem.problem().toResponse(null);
        return response.getHeaderString(HttpHeaders.SET_COOKIE);
    }

    private static NewCookie cookie(Response response) {
        return response.getCookies().get(SessionCookies.NAME);
    }

    private static RefreshBody body(String token) {
        return new RefreshBody(token);
    }

    /** {@code {"refresh_token": ...}}. */
    private static final class RefreshBody {
        final TokenResource.RefreshRequest request = new TokenResource.RefreshRequest();

        RefreshBody(String token) {
            request.refreshToken = token;
        }
    }

    @Test
    void signInAnswersTheTokensAndSetsAnHttpOnlyStrictCookieOnTheTokenPathOnly() {
        Response response = signIn(resource());
        assertEquals(200, response.getStatus());
        JsonObject tokens = (JsonObject) response.getEntity();
        NewCookie cookie = cookie(response);
        assertEquals(tokens.getString("refresh_token"), cookie.getValue(), "the body still carries it for API clients");
        assertTrue(cookie.isHttpOnly());
        assertEquals(NewCookie.SameSite.STRICT, cookie.getSameSite());
        assertEquals(COOKIE_PATH, cookie.getPath());
        assertEquals(InMemoryAuthentication.REFRESH_TOKEN_DAYS * 86_400, cookie.getMaxAge());
        assertFalse(cookie.isSecure(), "plain HTTP: a Secure cookie would not be kept");
        // as the browser reads it
        String header = setCookie(response);
        assertTrue(header.startsWith(SessionCookies.NAME + "=" + tokens.getString("refresh_token") + ";"), header);
        assertTrue(header.contains(";HttpOnly"), header);
        assertTrue(header.contains(";SameSite=Strict"), header);
        assertTrue(header.contains(";Path=" + COOKIE_PATH + ";") || header.endsWith(";Path=" + COOKIE_PATH),
                header);
        assertTrue(header.contains(";Max-Age=2592000"), header);
        assertFalse(header.contains("Secure"), header);
        assertTrue(response.getHeaderString(HttpHeaders.CACHE_CONTROL).contains("no-store"));
    }

    @Test
    void theCookieIsSecureOverTlsOrWhenATrustedProxySaysHttps() {
        assertTrue(cookie(signIn(resource(new BrowserRequest().overTls().build()))).isSecure());
        assertTrue(setCookie(signIn(resource(new BrowserRequest().overTls().build()))).contains(";Secure"));
        assertTrue(cookie(signIn(resource(new BrowserRequest().from("10.1.2.3")
                .header("X-Forwarded-Proto", "https").build()))).isSecure());
        assertFalse(cookie(signIn(resource(new BrowserRequest().from("198.51.100.9")
                .header("X-Forwarded-Proto", "https").build()))).isSecure(), "an untrusted peer is not believed");
    }

    @Test
    void refreshByTheCookieRotatesItAndTheOldCookieIsRefusedAfterwards() {
        String first = cookie(signIn(resource())).getValue();

        Response rotated = resource(new BrowserRequest().header("Origin", "https://shop.example").build())
                .refresh(null, first);
        assertEquals(200, rotated.getStatus());
        String second = cookie(rotated).getValue();
        assertNotEquals(first, second);
        assertEquals(second, ((JsonObject) rotated.getEntity()).getString("refresh_token"));
        assertEquals(COOKIE_PATH, cookie(rotated).getPath());
        assertTrue(cookie(rotated).isHttpOnly());

        ProblemException replay = assertThrows(ProblemException.class, () -> resource().refresh(null, first));
        assertEquals(401, replay.problem().status());
        String cleared = setCookie(replay);
        assertTrue(cleared.startsWith(SessionCookies.NAME + "=;") || cleared.startsWith(SessionCookies.NAME
                + "=\"\";"), cleared);
        assertTrue(cleared.contains(";Max-Age=0"), cleared);
        assertTrue(cleared.contains(";Path=" + COOKIE_PATH), cleared);
        // the replay of a spent token ended the whole session, as with the body form
        assertEquals(401, assertThrows(ProblemException.class, () -> resource().refresh(null, second)).problem()
                .status());
        assertEquals(0, authentication.liveRefreshTokens(accountId));
    }

    @Test
    void anEmptyRefreshWithoutACookieIs401AndClearsTheCookie() {
        ProblemException none = assertThrows(ProblemException.class, () -> resource().refresh(null, null));
        assertEquals(401, none.problem().status());
        assertTrue(none.problem().type().endsWith("/invalid-refresh-token"));
        assertTrue(setCookie(none).contains(";Max-Age=0"));
        // {} is an empty body too
        ProblemException emptyObject = assertThrows(ProblemException.class,
                () -> resource().refresh(body(null).request, null));
        assertEquals(401, emptyObject.problem().status());
        ProblemException garbage = assertThrows(ProblemException.class,
                () -> resource().refresh(null, "not-a-token"));
        assertEquals(401, garbage.problem().status());
        assertTrue(setCookie(garbage).contains(";Max-Age=0"));
    }

    @Test
    void aBodyWinsOverTheCookie() {
        String signedIn = cookie(signIn(resource())).getValue();
        Response rotated = resource().refresh(body(signedIn).request, "some-other-cookie");
        assertEquals(200, rotated.getStatus());
        assertNotEquals(signedIn, cookie(rotated).getValue(), "the body's token was used and the cookie replaced");
        // a bad body is refused even with a good cookie; the cookie is left alone then
        String good = cookie(rotated).getValue();
        assertThrows(InvalidRefreshTokenException.class, () -> resource().refresh(body("spent-or-unknown").request,
                good));
        assertEquals(200, resource().refresh(null, good).getStatus());
    }

    @Test
    void revokeByTheCookieClearsItAndTheTokenStopsWorking() {
        String token = cookie(signIn(resource())).getValue();
        Response revoked = resource(new BrowserRequest().header("Origin", "https://shop.example").build())
                .revoke(null, token);
        assertEquals(204, revoked.getStatus());
        NewCookie cleared = cookie(revoked);
        assertEquals(0, cleared.getMaxAge());
        assertEquals(COOKIE_PATH, cleared.getPath());
        assertTrue(cleared.getValue() == null || cleared.getValue().isEmpty());
        assertTrue(setCookie(revoked).contains(";Max-Age=0"));
        assertEquals(0, authentication.liveRefreshTokens(accountId));
        assertEquals(401, assertThrows(ProblemException.class, () -> resource().refresh(null, token)).problem()
                .status());
        // the body form still works, and with neither it is 204 all the same
        String other = cookie(signIn(resource())).getValue();
        assertEquals(204, resource().revoke(body(other).request, null).getStatus());
        assertEquals(0, authentication.liveRefreshTokens(accountId));
        assertEquals(204, resource().revoke(null, null).getStatus());
    }

    @Test
    void aCrossSiteOriginIsRefused403AndChangesNothing() {
        String token = cookie(signIn(resource())).getValue();
        for (String origin : List.of("https://evil.example", "null", "https://shop.example.evil.example",
                "http://shop.example:8080")) {
            TokenResource crossSite = resource(new BrowserRequest().header("Origin", origin).build());
            ProblemException refresh = assertThrows(ProblemException.class, () -> crossSite.refresh(null, token));
            assertEquals(403, refresh.problem().status(), origin);
            assertNull(setCookie(refresh), "a cross-site request does not even clear the cookie");
            assertEquals(403, assertThrows(ProblemException.class, () -> crossSite.revoke(null, token)).problem()
                    .status(), origin);
        }
        assertEquals(1, authentication.liveRefreshTokens(accountId), "nothing was spent or revoked");
        // the same token from the shop's own page still works
        assertEquals(200, resource(new BrowserRequest().header("Origin", "https://shop.example").build())
                .refresh(null, token).getStatus());
    }

    @Test
    void theRequestsOwnOriginIsItsHostOrATrustedProxysForwardedHost() {
        SessionCookies sessions = new SessionCookies();
        sessions.proxies = TrustedProxies.parse("10.0.0.0/8");
        HttpServletRequest proxied = new BrowserRequest().header("Host", "users:8080").from("10.0.0.5")
                .header("X-Forwarded-Host", "shop.example").header("Origin", "https://shop.example").build();
        sessions.requireSameOrigin(proxied);
        HttpServletRequest forged = new BrowserRequest().header("Host", "shop.example").from("198.51.100.9")
                .header("X-Forwarded-Host", "evil.example").header("Origin", "https://evil.example").build();
        assertEquals(403, assertThrows(ProblemException.class, () -> sessions.requireSameOrigin(forged)).problem()
                .status(), "X-Forwarded-Host from an untrusted peer is not believed");
        sessions.requireSameOrigin(new BrowserRequest().build()); // no Origin at all: not a cross-site script

        assertTrue(SessionCookies.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertTrue(SessionCookies.sameOrigin("https://Shop.Example", "shop.example"));
        assertTrue(SessionCookies.sameOrigin("https://shop.example", "shop.example:443"));
        assertTrue(SessionCookies.sameOrigin("http://[::1]:8080", "[::1]:8080"));
        assertFalse(SessionCookies.sameOrigin("http://localhost:5173", "localhost:8080"));
        assertFalse(SessionCookies.sameOrigin("http://shop.example", "shop.example:8080"));
        assertFalse(SessionCookies.sameOrigin("null", "shop.example"));
        assertFalse(SessionCookies.sameOrigin("https://shop.example/path", "shop.example"));
        assertFalse(SessionCookies.sameOrigin("https://shop.example", "shop.example/x"));
        assertFalse(SessionCookies.sameOrigin("https://shop.example", "evil.example@shop.example"));
        assertFalse(SessionCookies.sameOrigin("not a url", "shop.example"));
    }

    @Test
    void anEmptyBodyOrNoContentTypeReachesTheResourceAsNoBody() throws Exception {
        RefreshRequestReader reader = new RefreshRequestReader();
        assertTrue(reader.isReadable(TokenResource.RefreshRequest.class, null, null,
                MediaType.APPLICATION_OCTET_STREAM_TYPE));
        assertFalse(reader.isReadable(AccountRequests.Login.class, null, null, MediaType.APPLICATION_JSON_TYPE));
        assertNull(read(reader, ""));
        assertNull(read(reader, "{}").refreshToken);
        assertEquals("abc", read(reader, "{\"refresh_token\":\"abc\"}").refreshToken);
        assertEquals(400, assertThrows(ProblemException.class, () -> read(reader, "{\"refreshToken\":\"abc\"}"))
                .problem().status(), "unknown properties are refused as everywhere");
        assertEquals(400, assertThrows(ProblemException.class, () -> read(reader, "{\"refresh_token\":")).problem()
                .status());
    }

    private static TokenResource.RefreshRequest read(RefreshRequestReader reader, String body) throws Exception {
        return reader.readFrom(TokenResource.RefreshRequest.class, TokenResource.RefreshRequest.class, null,
                MediaType.APPLICATION_OCTET_STREAM_TYPE, new MultivaluedHashMap<>(),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
