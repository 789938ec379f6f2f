package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront's session as the browser keeps it: the refresh token in an HttpOnly, SameSite=Strict cookie on
 * the token path, set at sign-in, rotated by an empty refresh, cleared by logout; refused from another site. The
 * cookie is handled by hand, as a browser would send it back.
 */
@ExtendWith(PlatformExtension.class)
class SessionCookieIT {

    private static final String COOKIE = "mercato_refresh";
    private static final String PATH = "/users/api/tokens";

    private static Http http() {
        return PlatformExtension.http();
    }

    /** The page's own origin, as a browser on the embedded shop sends it. */
    private static String ownOrigin() {
        return "http://127.0.0.1:" + http().port();
    }

    private static Http.Reply signIn(String email, String... headers) {
        HttpRequest.Builder request = http().request(PATH, null).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        Http.Reply reply = http().send(request.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\"}")).build());
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    private static String newCustomer() {
        String email = UserApiIT.uniqueEmail();
        UserApiIT.register(email, "correct horse battery");
        return email;
    }

    /** The one Set-Cookie of the session cookie in a reply. */
    private static String setCookie(Http.Reply reply) {
        List<String> cookies = reply.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "=")).toList();
        assertEquals(1, cookies.size(), reply.raw().headers().map().toString());
        return cookies.get(0);
    }

    private static String value(String setCookie) {
        String value = setCookie.substring(COOKIE.length() + 1, setCookie.indexOf(';'));
        return value.equals("\"\"") ? "" : value;
    }

    private static boolean has(String setCookie, String attribute) {
        return List.of(setCookie.split(";")).stream().map(String::trim).anyMatch(a -> a.equalsIgnoreCase(
                attribute));
    }

    /** A cookie-form call: no body, no Content-Type, the cookie (if any) and extra headers as name, value pairs. */
    private static Http.Reply byCookie(String operation, String cookie, String... headers) {
        HttpRequest.Builder request = http().request(PATH + "/" + operation, null);
        if (cookie != null) {
            request.header("Cookie", "theme=dark; " + COOKIE + "=" + cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http().send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void signInSetsTheRefreshTokenAsAnHttpOnlyStrictCookieOnTheTokenPath() {
        Http.Reply reply = signIn(newCustomer());
        String cookie = setCookie(reply);
        assertEquals(reply.json().getString("refresh_token"), value(cookie), "the body still carries it");
        assertTrue(has(cookie, "HttpOnly"), cookie);
        assertTrue(has(cookie, "SameSite=Strict"), cookie);
        assertTrue(has(cookie, "Path=" + PATH), cookie);
        assertTrue(has(cookie, "Max-Age=2592000"), cookie);
        assertFalse(has(cookie, "Secure"), "plain HTTP: " + cookie);
        assertTrue(reply.header("Cache-Control").contains("no-store"));
        // the tests are a trusted proxy: a request it received over TLS gets a Secure cookie
        assertTrue(has(setCookie(signIn(newCustomer(), "X-Forwarded-Proto", "https")), "Secure"));
    }

    @Test
    void anEmptyRefreshUsesTheCookieRotatesItAndTheOldOneIsRefused() {
        String first = value(setCookie(signIn(newCustomer())));

        Http.Reply rotated = byCookie("refresh", first, "Origin", ownOrigin());
        assertEquals(200, rotated.status(), rotated.body());
        String second = value(setCookie(rotated));
        assertNotEquals(first, second);
        assertEquals(second, rotated.json().getString("refresh_token"));
        assertTrue(has(setCookie(rotated), "HttpOnly") && has(setCookie(rotated), "Path=" + PATH));
        assertEquals(200, http().get("/users/api/accounts/me", rotated.json().getString("access_token")).status());

        // {} with a JSON content type is an empty body too
        Http.Reply again = http().send(http().request(PATH + "/refresh", null).header("Content-Type",
                "application/json").header("Cookie", COOKIE + "=" + second).POST(HttpRequest.BodyPublishers
                        .ofString("{}"))
                .build());
        assertEquals(200, again.status(), again.body());
        String third = value(setCookie(again));

        Http.Reply replay = byCookie("refresh", first);
        UserApiIT.assertProblem(replay, 401);
        assertTrue(has(setCookie(replay), "Max-Age=0"), setCookie(replay));
        assertEquals("", value(setCookie(replay)));
        // the replay of a spent token ended the session, as with the body form
        UserApiIT.assertProblem(UserApiIT.refresh(third), 401);
    }

    @Test
    void anEmptyRefreshWithoutACookieIs401() {
        Http.Reply none = byCookie("refresh", null);
        UserApiIT.assertProblem(none, 401);
        assertTrue(has(setCookie(none), "Max-Age=0"));
    }

    @Test
    void logoutByTheCookieClearsItAndTheTokenStopsWorking() {
        String token = value(setCookie(signIn(newCustomer())));
        Http.Reply revoked = byCookie("revoke", token, "Origin", ownOrigin());
        assertEquals(204, revoked.status(), revoked.body());
        String cleared = setCookie(revoked);
        assertEquals("", value(cleared));
        assertTrue(has(cleared, "Max-Age=0") && has(cleared, "Path=" + PATH) && has(cleared, "HttpOnly"), cleared);
        UserApiIT.assertProblem(UserApiIT.refresh(token), 401);
        UserApiIT.assertProblem(byCookie("refresh", token), 401);
    }

    @Test
    void theCookieFromAnotherSiteIs403AndChangesNothing() {
        String token = value(setCookie(signIn(newCustomer())));
        for (String operation : List.of("refresh", "revoke")) {
            Http.Reply crossSite = byCookie(operation, token, "Origin", "https://evil.example");
            UserApiIT.assertProblem(crossSite, 403);
            assertTrue(crossSite.raw().headers().allValues("Set-Cookie").isEmpty());
        }
        // the token was neither spent nor revoked
        Http.Reply fromTheShop = byCookie("refresh", token, "Origin", ownOrigin());
        assertEquals(200, fromTheShop.status(), fromTheShop.body());
        assertNotNull(fromTheShop.json().getString("access_token"));
    }

    @Test
    void apiClientsKeepUsingTheBody() {
        JsonObject tokens = signIn(newCustomer()).json();
        Http.Reply rotated = UserApiIT.refresh(tokens.getString("refresh_token"));
        assertEquals(200, rotated.status(), rotated.body());
        // a body wins over a cookie, whatever the cookie holds
        Http.Reply withCookie = http().send(http().request(PATH + "/refresh", null).header("Content-Type",
                "application/json").header("Cookie", COOKIE + "=stale").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"refresh_token\":\"" + rotated.json().getString("refresh_token") + "\"}"))
                .build());
        assertEquals(200, withCookie.status(), withCookie.body());
        assertEquals(204, http().post(PATH + "/revoke", "{\"refresh_token\":\"" + withCookie.json().getString(
                "refresh_token") + "\"}", null).status());
        UserApiIT.assertProblem(UserApiIT.refresh(withCookie.json().getString("refresh_token")), 401);
    }
}
