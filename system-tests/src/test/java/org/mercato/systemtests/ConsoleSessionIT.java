package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A staff session lives in the Hazelcast data grid: a second console instance (its own Payara Micro, a member of
 * the first one's grid) serves a session started on the first, and a page opened on one takes its postback on the
 * other.
 */
@ExtendWith(PlatformExtension.class)
class ConsoleSessionIT {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static int replicaPort;

    @BeforeAll
    static void startReplica() throws Exception {
        replicaPort = PlatformExtension.Ports.free();
        PlatformExtension.platform().startConsoleReplica(replicaPort, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopReplica() throws Exception {
        PlatformExtension.platform().stopConsoleReplica();
    }

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static String first() {
        return "http://127.0.0.1:" + PlatformExtension.platform().httpPort() + "/admin/";
    }

    private static String replica() {
        return "http://127.0.0.1:" + replicaPort + "/admin/";
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher matcher = VIEW_STATE.matcher(page.body());
        assertTrue(matcher.find(), "a Faces page with a view state: " + page.body());
        return matcher.group(1);
    }

    /** PrimeFaces' CSP mode sends the page's nonce with every postback. */
    private static String nonce(HttpResponse<String> page) {
        Matcher matcher = Pattern.compile("nonce=\"([^\"]+)\"").matcher(page.body());
        assertTrue(matcher.find(), "a CSP nonce: " + page.body());
        return matcher.group(1);
    }

    private void signInOnTheFirstInstance() throws Exception {
        HttpResponse<String> signIn = get(first());
        assertEquals(200, signIn.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signIn", "signIn");
        form.put("signIn:email", PlatformExtension.ADMIN_EMAIL);
        form.put("signIn:password", PlatformExtension.ADMIN_PASSWORD);
        form.put("signIn:submit", "");
        form.put("jakarta.faces.ViewState", viewState(signIn));
        HttpResponse<String> signedIn = post(first() + "index.xhtml", form);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").contains("dashboard"),
                signedIn.headers().map().toString());
    }

    @Test
    void theCallsAConsolePageMakesCarryTheGatewaysRequestId() throws Exception {
        signInOnTheFirstInstance();
        String requestId = "console-" + java.util.UUID.randomUUID();
        HttpResponse<String> orders = browser.send(HttpRequest.newBuilder(URI.create(first() + "orders.xhtml"))
                .header("X-Request-Id", requestId).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, orders.statusCode());
        // the orders API's request line names the page's request id
        Eventually.within(Duration.ofSeconds(10), "the orders API's request line with " + requestId, () -> {
            try {
                return java.nio.file.Files.readString(PlatformExtension.payaraLog()).lines().anyMatch(
                        line -> line.contains("/orders/api/orders") && line.contains("request " + requestId));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void theReplicaServesASessionStartedOnTheFirstInstance() throws Exception {
        // not signed in: the replica sends a visitor to sign in, like the first instance
        HttpResponse<String> anonymous = get(replica() + "orders.xhtml");
        assertEquals(302, anonymous.statusCode());

        signInOnTheFirstInstance();

        HttpResponse<String> orders = get(replica() + "orders.xhtml");
        assertEquals(200, orders.statusCode(), "the replica must know the session: " + orders.headers().map());
        assertTrue(orders.body().contains(PlatformExtension.ADMIN_EMAIL) || orders.body().contains("Signed in as"),
                orders.body());
        assertTrue(orders.body().contains("id=\"orders:table\""), "the orders screen itself");
    }

    @Test
    void aPageOpenedOnOneInstanceTakesItsPostbackOnTheOther() throws Exception {
        signInOnTheFirstInstance();
        HttpResponse<String> customers = get(first() + "customers.xhtml");
        assertEquals(200, customers.statusCode());

        Map<String, String> search = new LinkedHashMap<>();
        search.put("customers", "customers");
        search.put("customers:q", PlatformExtension.ADMIN_EMAIL);
        search.put("customers:search", "");
        search.put("jakarta.faces.ViewState", viewState(customers));
        search.put("primefaces.nonce", nonce(customers));
        HttpResponse<String> answered = post(replica() + "customers.xhtml", search);

        // the postback was applied to the view the first instance rendered (a lost view would end on the
        // "expired" page, a lost session on sign-in)
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.body().contains("<title>Mercato admin: Customers"), answered.body());
        assertTrue(answered.body().contains("name=\"customers:q\" type=\"text\" value=\""
                + PlatformExtension.ADMIN_EMAIL + "\""), "the search typed on the first instance: " + answered.body());
        assertTrue(answered.body().contains("id=\"customers:table\""), answered.body());
    }
}
