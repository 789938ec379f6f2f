package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Each service's OpenAPI 3.1 document ({@code GET <service>/api/openapi}) is valid OpenAPI (swagger-parser), and
 * its request schemas say what the API really does: bodies the API accepts validate, bodies it refuses (unknown
 * properties, fractional or quoted integers, control characters, missing required fields) do not. The merged view,
 * at {@code <service>/api/openapi/merged} and at the instance's {@code /openapi}, lists every path under its
 * service's context root.
 */
@ExtendWith(PlatformExtension.class)
class OpenApiIT {

    private static JsonObject document(String service) {
        Http.Reply reply = PlatformExtension.http().get("/" + service + "/api/openapi", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void everyServiceDocumentIsValidOpenApi31() {
        for (String service : AccessMatrixIT.SERVICES) {
            JsonObject document = document(service);
            assertEquals("3.1.0", document.getString("openapi"));
            SwaggerParseResult parsed = new OpenAPIParser().readContents(document.toString(), null, null);
            assertNotNull(parsed.getOpenAPI(), service + ": " + parsed.getMessages());
            assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), service + ": "
                    + parsed.getMessages());
            document.getJsonObject("paths").keySet().forEach(path -> assertTrue(path.startsWith("/" + service
                    + "/api/"), path));
        }
    }

    /** The request-body schema of an operation, with the document's components so that its $refs resolve. */
    private static Schema requestSchema(String service, String path, String verb) {
        JsonObject document = document(service);
        JsonObject operation = document.getJsonObject("paths").getJsonObject(path).getJsonObject(verb);
        JsonObject schema = operation.getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema");
        String root = Json.createObjectBuilder(schema).add("$schema", "https://json-schema.org/draft/2020-12/schema")
                .add("components", document.getJsonObject("components")).build().toString();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root,
                InputFormat.JSON);
    }

    private static void assertMatches(Schema schema, String body, boolean valid) {
        var errors = schema.validate(body, InputFormat.JSON);
        assertEquals(valid, errors.isEmpty(), body + " -> " + errors);
    }

    @Test
    void requestSchemasAcceptWhatTheApiAcceptsAndRefuseWhatItRefuses() {
        Map<String, List<String>> good = Map.of(
                "users POST /users/api/accounts", List.of("{\"email\":\"ada@example.test\",\"password\":"
                        + "\"correct horse battery\",\"name\":\"Ada\"}"),
                "users POST /users/api/tokens/refresh", List.of("{\"refresh_token\":\"abc\"}"),
                "inventory PUT /inventory/api/stock/{sku}", List.of("{\"onHand\":5}", "{\"adjustBy\":-2,"
                        + "\"reason\":\"broken\\nin transit\"}"),
                "cart POST /cart/api/carts/{id}/items", List.of("{\"sku\":\"A-1\",\"quantity\":2}"),
                "catalog POST /catalog/api/products", List.of("{\"name\":\"Mug\",\"price\":{\"amount\":1999,"
                        + "\"currency\":\"EUR\"},\"description\":\"two\\nlines\"}"));
        Map<String, List<String>> bad = Map.of(
                "users POST /users/api/accounts", List.of("{\"email\":\"a@b.test\",\"password\":\"correct horse "
                        + "battery\",\"name\":\"Ada\",\"admin\":true}",
                        "{\"email\":\"a@b.test\",\"password\":"
                                + "\"correct horse battery\",\"name\":\"A\\u0000da\"}",
                        "{\"name\":\"Ada\"}"),
                "users POST /users/api/tokens/refresh", List.of("{\"refreshToken\":\"abc\"}"),
                "inventory PUT /inventory/api/stock/{sku}", List.of("{\"onHand\":1.5}", "{\"onHand\":\"5\"}",
                        "{\"onHand\":5,\"currency\":\"USD\"}"),
                "cart POST /cart/api/carts/{id}/items", List.of("{\"sku\":\"A-1\",\"quantity\":1.5}",
                        "{\"sku\":\"A-1\",\"quantity\":\"2\"}", "{\"sku\":\"A-1\",\"quantity\":2147483648}"),
                "catalog POST /catalog/api/products", List.of("{\"name\":\"Two\\nlines\",\"price\":{\"amount\":"
                        + "1999,\"currency\":\"EUR\"}}",
                        "{\"name\":\"Mug\",\"price\":{\"amount\":19.99,"
                                + "\"currency\":\"EUR\"}}"));
        good.forEach((operation, bodies) -> bodies.forEach(body -> assertMatches(schema(operation), body, true)));
        bad.forEach((operation, bodies) -> bodies.forEach(body -> assertMatches(schema(operation), body, false)));
        // and the API agrees with its documents on both
        assertEquals(400, PlatformExtension.http().post("/users/api/tokens/refresh", "{\"refreshToken\":\"abc\"}",
                null).status());
    }

    private static Schema schema(String operation) {
        String[] parts = operation.split(" ");
        return requestSchema(parts[0], parts[2], parts[1].toLowerCase());
    }

    @Test
    void everyOperationDocumentsWhatItAnswersOnSuccess() {
        for (String service : AccessMatrixIT.SERVICES) {
            document(service).getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach(
                    (verb, operation) -> {
                        JsonObject responses = operation.asJsonObject().getJsonObject("responses");
                        assertTrue(responses.keySet().stream().anyMatch(status -> status.startsWith("2")), verb
                                + " " + path + " " + responses.keySet());
                        responses.forEach((status, answer) -> assertFalse(answer.asJsonObject().containsKey(
                                "x-undocumented"), verb + " " + path + " " + status + " has no documented answer"));
                    }));
        }
    }

    /**
     * Every answer a system test receives is validated against its document (ResponseContract, called by Http);
     * this shows that the check bites: a real product validates, and the same product with a property the
     * document does not name, or a price amount as text, does not.
     */
    @Test
    void answersAreHeldToTheirDocuments() {
        Http http = PlatformExtension.http();
        Http.Reply page = http.get("/catalog/api/products?size=1", null);
        assertEquals(200, page.status(), page.body());
        String id = page.json().getJsonArray("items").getJsonObject(0).getString("id");
        Http.Reply product = http.get("/catalog/api/products/" + id, null);
        assertEquals(200, product.status(), product.body());
        String base = "http://127.0.0.1:" + http.port();
        String template = "/catalog/api/products/{idOrSlug}";
        assertEquals(List.of(), ResponseContract.errors(base, "catalog", "get", template, 200, product.body()));
        JsonObject json = product.json();
        String extra = Json.createObjectBuilder(json).add("internalCost", 5).build().toString();
        assertFalse(ResponseContract.errors(base, "catalog", "get", template, 200, extra).isEmpty(), extra);
        String textPrice = Json.createObjectBuilder(json).add("price", Json.createObjectBuilder().add("amount",
                "19.99").add("currency", "EUR")).build().toString();
        assertFalse(ResponseContract.errors(base, "catalog", "get", template, 200, textPrice).isEmpty(), textPrice);
    }

    @Test
    void theMergedViewHoldsEveryServiceUnderItsContextRoot() {
        for (String at : List.of("/catalog/api/openapi/merged", "/openapi")) {
            mergedViewAt(at);
        }
    }

    private static void mergedViewAt(String at) {
        Http.Reply merged = PlatformExtension.http().get(at, null);
        assertEquals(200, merged.status(), at + ": " + merged.body());
        assertTrue(merged.contentType().startsWith("application/json"), at + ": " + merged.contentType());
        JsonObject document = merged.json();
        assertEquals(0, document.getJsonArray("x-missing").size(), document.getJsonArray("x-missing").toString());
        JsonObject paths = document.getJsonObject("paths");
        for (String service : AccessMatrixIT.SERVICES) {
            assertTrue(paths.containsKey("/" + service + "/api/status"), service + " in " + paths.keySet());
        }
        assertFalse(paths.keySet().stream().anyMatch(path -> path.startsWith("/api/")), paths.keySet().toString());
        assertTrue(merged.body().contains("refresh_token"), "the refresh body's real field name");
        assertTrue(merged.body().contains("\"onHand\"") && merged.body().contains("\"adjustBy\""),
                "the stock fields");
        SwaggerParseResult parsed = new OpenAPIParser().readContents(merged.body(), null, null);
        assertNotNull(parsed.getOpenAPI(), String.valueOf(parsed.getMessages()));
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), parsed.getMessages()
                .toString());
    }
}
