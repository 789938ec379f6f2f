package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Embedded mode as `./mercato up` starts it: every service deployed, ready, observable. */
@ExtendWith(PlatformExtension.class)
class PlatformIT {

    @Test
    void readinessIsUpWithACheckForEveryService() {
        Http.Reply ready = PlatformExtension.http().get("/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        JsonObject health = ready.json();
        assertEquals("UP", health.getString("status"));
        Set<String> checks = health.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name")).collect(Collectors.toSet());
        assertEquals(Set.of("users-database", "catalog-database", "catalog-demo-data", "inventory-database",
                "orders-database",
                "cart-grid", "payments-database", "notifications-database", "fulfillment-database",
                "analytics-database", "users-deployment", "catalog-deployment", "inventory-deployment",
                "orders-deployment", "cart-deployment", "payments-deployment", "notifications-deployment",
                "fulfillment-deployment", "analytics-deployment"), checks);
        health.getJsonArray("checks").forEach(check -> assertEquals("UP", check.asJsonObject().getString(
                "status"), check.toString()));
    }

    @Test
    void livenessAndPrometheusMetricsAreServed() {
        assertEquals(200, PlatformExtension.http().get("/health/live", null).status());
        Http.Reply metrics = PlatformExtension.http().send(
                PlatformExtension.http().request("/metrics", null).setHeader("Accept", "text/plain").GET().build());
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format expected");
    }

    @Test
    void theOpenApiDocumentDescribesTheServices() {
        Http.Reply openapi = PlatformExtension.http().send(PlatformExtension.http().request("/openapi", null)
                .setHeader("Accept", "application/json").GET().build());
        assertEquals(200, openapi.status(), openapi.body());
        // every path under its service's context root (Payara's own merge of several WARs dropped them)
        assertTrue(openapi.body().contains("\"/users/api/accounts/me/addresses\""), "the users API is documented");
        assertTrue(openapi.body().contains("\"/users/api/tokens/refresh\""));
        for (String root : List.of("/users", "/catalog", "/orders", "/cart")) {
            assertTrue(openapi.body().contains("\"" + root + "/api/status\""), root + " is listed");
        }
    }

    @Test
    void everyServiceApiAnswersUnderItsContextRoot() {
        for (String root : List.of("/users", "/catalog", "/inventory", "/orders", "/cart", "/payments",
                "/notifications", "/fulfillment", "/analytics")) {
            Http.Reply status = PlatformExtension.http().get(root + "/api/status", null);
            assertEquals(401, status.status(), root + " should be deployed and demand a token");
            assertTrue(status.contentType().startsWith("application/problem+json"), root);
        }
    }

    @Test
    void unknownPathsGetProblemJson() {
        Http.Reply missing = PlatformExtension.http().get("/users/api/no-such-thing", null);
        assertEquals(404, missing.status());
        assertTrue(missing.contentType().startsWith("application/problem+json"));
        assertEquals(404, missing.json().getInt("status"));
    }

    @Test
    void storefrontIsServedAtTheRoot() {
        Http.Reply page = PlatformExtension.http()
                .send(PlatformExtension.http().request("/", null).setHeader("Accept", "text/html").GET().build());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<div id=\"root\">"), page.body());
        assertTrue(page.body().contains("/assets/"), "the built Vite bundle is linked");
    }

    @Test
    void adminConsoleShowsItsSignInPage() {
        Http.Reply page = PlatformExtension.http()
                .send(PlatformExtension.http().request("/admin/", null).setHeader("Accept", "text/html").GET().build());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Mercato admin"), page.body());
        assertTrue(page.body().contains("Sign in"));
    }

    @Test
    void theConsoleKeepsItsSessionsInTheDataGrid() throws java.io.IOException {
        String log = java.nio.file.Files.readString(PlatformExtension.payaraLog());
        // Payara names every app whose sessions stay in memory; the console is distributable, so not among them
        org.junit.jupiter.api.Assertions.assertTrue(log.contains("non-distributable app [users]"),
                "Payara reports how each application keeps its sessions");
        org.junit.jupiter.api.Assertions.assertFalse(log.contains("non-distributable app [admin]"),
                "the admin console's sessions are kept in Hazelcast");
    }
}
