package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Requests generated from every service's OpenAPI document: for each operation, bodies whose declared properties
 * hold wrong types, fractional and out-of-range numbers, huge, empty and control-character strings, unicode edge
 * cases and injection strings, plus unknown properties and deep nesting; query parameters and path segments the
 * same. Sent as a caller the operation admits, so the checks behind security are reached. Never a 5xx, always a
 * JSON or problem+json answer, never markup reflected back, and nothing stored by a request that was refused
 * (checked in the databases). Values come from jqwik arbitraries; each failure prints the request.
 */
@ExtendWith(PlatformExtension.class)
class GeneratedInputIT {

    private static final int REQUESTS_PER_OPERATION = 8;
    private static final String MARKUP = "<script>alert(1)</script>";

    /** Values no schema accepts as they are, or accepts while an unwary service would choke on them. */
    private static Arbitrary<JsonValue> hostile() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("", " ", "\u0000", "a\u0000b", "\u001b[31m", "\ud800", "\udfff x", "\u202e",
                        "\ufeff", "e\u0301", "\ud83d\ude00", "'; drop table account; --", "\" or 1=1 --",
                        MARKUP, "${jndi:ldap://x}", "../../etc/passwd", "%00", "null", "NaN", "-1", "1e999"),
                Arbitraries.strings().ofLength(5000));
        return Arbitraries.oneOf(
                text.map(Json::createValue),
                Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L, 999_999_999_999_999L)
                        .map(Json::createValue),
                Arbitraries.of("1.5", "-0.0", "1e308", "2e0").map(n -> Json.createValue(new java.math.BigDecimal(
                        n))),
                Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL, JsonValue.EMPTY_JSON_ARRAY,
                        JsonValue.EMPTY_JSON_OBJECT),
                Arbitraries.integers().between(1, 60).map(GeneratedInputIT::nested));
    }

    private static JsonValue nested(int depth) {
        JsonValue value = Json.createValue(1);
        for (int i = 0; i < depth; i++) {
            value = Json.createArrayBuilder().add(value).build();
        }
        return value;
    }

    @Test
    void generatedRequestsNeverBreakAServiceNorChangeItsData() throws Exception {
        Map<String, String> tokens = callers();
        long[] before = counts();
        Random random = new Random(20261130L);
        Arbitrary<JsonValue> values = hostile();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int accepted = 0;
        java.util.Set<String> servicesThatStored = new java.util.TreeSet<>();
        for (String service : AccessMatrixIT.SERVICES) {
            JsonObject document = PlatformExtension.http().get("/" + service + "/api/openapi", null).json();
            for (var pathItem : document.getJsonObject("paths").entrySet()) {
                for (var entry : pathItem.getValue().asJsonObject().entrySet()) {
                    String verb = entry.getKey().toUpperCase();
                    JsonObject operation = entry.getValue().asJsonObject();
                    if (pathItem.getKey().endsWith("/search-index")) {
                        continue; // a reindex on request is no input to fuzz
                    }
                    String token = tokenFor(operation, tokens);
                    for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                        String path = pathItem.getKey().replaceAll("\\{[^}]+}", encode(random.nextBoolean()
                                ? UUID.randomUUID().toString()
                                : text(values.sample())));
                        String query = query(operation, values);
                        String body = operation.containsKey("requestBody")
                                ? body(operation, document, values,
                                        random)
                                : null;
                        Http.Reply reply = send(verb, path + query, body, token);
                        sent++;
                        String request = verb + " " + path + query + (body == null
                                ? ""
                                : " "
                                        + body.substring(0, Math.min(300, body.length())));
                        if (reply.status() >= 500) {
                            failures.add(reply.status() + " for " + request + " -> " + reply.body());
                        } else if (reply.status() < 300) {
                            accepted++;
                            if (!verb.equals("GET")) {
                                servicesThatStored.add(service);
                            }
                        }
                        if (reply.body().contains(MARKUP)) {
                            failures.add("markup reflected by " + request);
                        }
                        String type = reply.contentType();
                        if (!reply.body().isEmpty() && !type.startsWith("application/json") && !type.startsWith(
                                "application/problem+json") && !type.startsWith("image/")) {
                            failures.add(type + " answered to " + request);
                        }
                    }
                }
            }
        }
        System.out.println("[generated] " + sent + " requests, " + accepted + " accepted; changes accepted by "
                + servicesThatStored);
        assertTrue(failures.isEmpty(), failures.size() + " failure(s): " + String.join("\n", failures.subList(0,
                Math.min(20, failures.size()))));
        long[] after = counts();
        // what a refused request would have stored: accounts, products, stock movements, orders, payments (a
        // service that accepted a generated change may have stored it: its table is not compared)
        String[] owners = {"users", "catalog", "inventory", "orders", "payments"};
        for (int i = 0; i < owners.length; i++) {
            if (!servicesThatStored.contains(owners[i])) {
                assertTrue(after[i] == before[i], owners[i] + " stored rows from refused requests: " + before[i]
                        + " -> " + after[i]);
            }
        }
    }

    private static long[] counts() {
        return new long[]{ServiceDatabase.users().accounts(),
                ServiceDatabase.catalog().count("select count(*) from product"),
                ServiceDatabase.inventory().count("select count(*) from stock_movement"),
                ServiceDatabase.orders().count("select count(*) from customer_order"),
                new ServiceDatabase(PlatformExtension.platform().databasePort(), "payments").count(
                        "select count(*) from payment")};
    }

    private static Map<String, String> callers() {
        String admin = PlatformExtension.staffToken();
        String email = UserApiIT.uniqueEmail();
        UserApiIT.register(email, "correct horse battery");
        String customer = UserApiIT.login(email, "correct horse battery").getString("access_token");
        String service = PlatformExtension.http().post("/users/api/service-tokens", "{\"client\":\"orders\","
                + "\"secret\":\"" + PlatformExtension.ORDERS_SERVICE_SECRET + "\"}", null).json()
                .getString("access_token");
        return Map.of("admin", admin, "customer", customer, "service", service);
    }

    private static String tokenFor(JsonObject operation, Map<String, String> tokens) {
        List<String> roles = operation.getJsonArray("x-roles").getValuesAs(JsonValue::toString).stream()
                .map(r -> r.replace("\"", "")).toList();
        if (roles.contains("admin")) {
            return tokens.get("admin");
        }
        if (roles.contains("service")) {
            return tokens.get("service");
        }
        return roles.contains("customer") ? tokens.get("customer") : null;
    }

    private static String query(JsonObject operation, Arbitrary<JsonValue> values) {
        StringBuilder query = new StringBuilder();
        for (JsonValue parameter : operation.getJsonArray("parameters")) {
            JsonObject p = parameter.asJsonObject();
            if (p.getString("in").equals("query")) {
                query.append(query.length() == 0 ? "?" : "&").append(encode(p.getString("name"))).append('=')
                        .append(encode(text(values.sample())));
            }
        }
        return query.toString();
    }

    /** The declared properties, each with a hostile value or left out, sometimes with an unknown one added. */
    private static String body(JsonObject operation, JsonObject document, Arbitrary<JsonValue> values,
            Random random) {
        JsonObject schema = operation.getJsonObject("requestBody").getJsonObject("content").values().iterator()
                .next().asJsonObject().getJsonObject("schema");
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            schema = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        if (!"object".equals(schema.getString("type", ""))) {
            return values.sample().toString();
        }
        JsonObjectBuilder body = Json.createObjectBuilder();
        for (String property : schema.getJsonObject("properties").keySet()) {
            if (random.nextInt(4) != 0) {
                body.add(property, values.sample());
            }
        }
        if (random.nextInt(3) == 0) {
            body.add("unexpected" + random.nextInt(100), values.sample());
        }
        return body.build().toString();
    }

    /** A value for a URL: at most 200 characters (longer URLs are the HTTP server's limit, tested elsewhere). */
    private static String text(JsonValue value) {
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String encode(String text) {
        // unpaired surrogates cannot be encoded as UTF-8: send their replacement, the server sees U+FFFD
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Http.Reply send(String verb, String path, String body, String token) {
        HttpRequest.Builder request = PlatformExtension.http().request(path, token)
                .header("Idempotency-Key", "generated-" + UUID.randomUUID());
        if (body == null) {
            request.method(verb, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(verb, HttpRequest.BodyPublishers.ofString(
                    body));
        }
        return PlatformExtension.http().send(request.build());
    }
}
