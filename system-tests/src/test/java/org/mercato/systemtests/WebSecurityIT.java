package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console and the storefront over plain HTTP: security headers on their pages, the console's session cookie
 * attributes, and a new session id at console sign-in (session fixation).
 */
@ExtendWith(PlatformExtension.class)
class WebSecurityIT {

    private static final Pattern VIEW_STATE = Pattern
            .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_ID = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PlatformExtension.http().uri(path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPageHeaders(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(null));
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "exactly one policy: " + policies);
        String csp = policies.get(0);
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertFalse(csp.matches(".*script-src[^;]*'unsafe-inline'.*"), csp);
        assertFalse(csp.contains("'unsafe-eval'"), csp);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse(null);
    }

    /** The cookies a response sets, as name=value, on top of those the client had. */
    private static java.util.Map<String, String> cookies(java.util.Map<String, String> had,
            HttpResponse<String> response) {
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>(had);
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return jar;
    }

    private static String cookieHeader(java.util.Map<String, String> jar) {
        return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String sessionId(String setCookie) {
        Matcher m = SESSION_ID.matcher(setCookie);
        assertTrue(m.find(), setCookie);
        return m.group(1);
    }

    @Test
    void storefrontPagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> home = get("/");
        assertPageHeaders(home);
        String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'"), csp);
        // Vite's build needs nothing inline: the page's scripts are files of the site; the only script elements
        // without src are data blocks (JSON, JSON-LD), which browsers never run
        assertFalse(home.body().matches(
                "(?s).*<script(?![^>]*\\bsrc=)(?![^>]*\\btype=\"application/(ld\\+)?json\")[^>]*>.*"),
                "inline script in " + home.body());
        assertTrue(home.body().contains("<script type=\"application/json\" id=\"mercato-preloaded\">"),
                "the home page carries its preloaded answers: " + home.body());
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(home.body());
        assertTrue(script.find(), home.body());
        HttpResponse<String> asset = get(script.group(1));
        assertEquals(200, asset.statusCode());
        assertEquals("nosniff", asset.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void consolePagesCarryTheSecurityHeadersWithANoncePolicy() throws Exception {
        HttpResponse<String> signIn = get("/admin/");
        assertPageHeaders(signIn);
        String csp = signIn.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find(), csp);
        // every script on the page carries this response's nonce
        Matcher scripts = Pattern.compile("<script[^>]*>").matcher(signIn.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group().contains("nonce=\"" + nonce.group(1) + "\""), scripts.group());
        }
        assertTrue(count > 0, "PrimeFaces pages have scripts");
        assertFalse(signIn.body().matches("(?s).*\\son(click|change|submit|load)=\".*"),
                "inline event handlers would need 'unsafe-inline'");
        String nextNonce = get("/admin/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(nextNonce.contains(nonce.group(1)), "a fresh nonce per response");
    }

    @Test
    void consoleSessionCookieIsHttpOnlyAndSameSiteStrictAndSecureOnlyOverHttps() throws Exception {
        String plain = sessionCookie(get("/admin/"));
        assertNotNull(plain, "the sign-in page starts a session");
        String lower = plain.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("httponly"), plain);
        assertTrue(lower.contains("samesite=strict"), plain);
        assertFalse(lower.contains("secure;") || lower.endsWith("secure"), "plain HTTP cannot carry a Secure cookie: "
                + plain);

        // behind the (trusted) TLS-terminating gateway the cookie is Secure, and HSTS is sent
        HttpResponse<String> behindTls = get("/admin/", "X-Forwarded-Proto", "https");
        String secure = sessionCookie(behindTls);
        assertNotNull(secure);
        assertTrue(secure.toLowerCase(Locale.ROOT).matches(".*;\\s*secure(;.*)?"), secure);
        assertTrue(secure.toLowerCase(Locale.ROOT).contains("samesite=strict"), secure);
        assertTrue(behindTls.headers().firstValue("Strict-Transport-Security").isPresent());

        // a client that is no trusted proxy cannot claim TLS
        RawHttp.Reply untrusted = RawHttp.send("127.0.0.2", PlatformExtension.platform().httpPort(), "GET",
                "/admin/", null, "X-Forwarded-Proto: https");
        String cookie = untrusted.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertFalse(cookie.toLowerCase(Locale.ROOT).matches(".*;\\s*secure(;.*)?"), cookie);
        assertEquals(null, untrusted.header("Strict-Transport-Security"));
    }

    @Test
    void consoleSignInGivesANewSessionIdAndTheOldOneIsWorthNothing() throws Exception {
        HttpResponse<String> page = get("/admin/");
        String before = sessionId(sessionCookie(page));
        // Payara's replicated sessions come with a JSESSIONIDVERSION cookie: send back all of them, as a browser does
        java.util.Map<String, String> jarBefore = cookies(java.util.Map.of(), page);
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        String form = "signIn=signIn&" + field("signIn:email", PlatformExtension.ADMIN_EMAIL) + "&"
                + field("signIn:password", PlatformExtension.ADMIN_PASSWORD) + "&" + field("signIn:submit", "")
                + "&" + field("jakarta.faces.ViewState", viewState.group(1));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(PlatformExtension.http()
                .uri("/admin/index.xhtml")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader(jarBefore))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").contains("dashboard"));
        String renewed = sessionCookie(signedIn);
        assertNotNull(renewed, "sign-in must set a new session cookie");
        String after = sessionId(renewed);
        assertNotEquals(before, after);
        assertTrue(renewed.toLowerCase(Locale.ROOT).contains("samesite=strict"), renewed);

        HttpResponse<String> withNew = get("/admin/dashboard.xhtml", "Cookie", cookieHeader(cookies(jarBefore,
                signedIn)));
        assertEquals(200, withNew.statusCode());
        assertTrue(withNew.body().contains("id=\"health\""), "signed in with the new id");
        HttpResponse<String> withOld = get("/admin/dashboard.xhtml", "Cookie", cookieHeader(jarBefore));
        assertFalse(withOld.statusCode() == 200 && withOld.body().contains("id=\"health\""),
                "the id from before sign-in must not open the dashboard");
    }

    private static String field(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value,
                StandardCharsets.UTF_8);
    }
}
