package org.mercato.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiDescriptionTest {

    @jakarta.ws.rs.Path("widgets")
    public static class WidgetResource {

        @GET
        @jakarta.ws.rs.Path("{id}")
        public JsonObject widget(@PathParam("id") String id) {
            return null;
        }

        @DELETE
        @jakarta.ws.rs.Path("{id}")
        public void remove(@PathParam("id") String id) {
        }

        @POST
        public JsonObject create(String body) {
            return null;
        }
    }

    public static final class CancelBody {
        public String reason;
    }

    @jakarta.ws.rs.Path("orders")
    public static class OrderResource {

        @POST
        public JsonObject place(
                @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(required = true) @HeaderParam("Idempotency-Key") String key,
                @HeaderParam("Authorization") String authorization, String body) {
            return null;
        }

        @GET
        public JsonObject list(@QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size, @QueryParam("all") @DefaultValue("false") boolean all,
                @QueryParam("sort") @DefaultValue("-createdAt") String sort) {
            return null;
        }

        @POST
        @jakarta.ws.rs.Path("{id}/cancel")
        public JsonObject cancel(@PathParam("id") String id,
                @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CancelBody.class) String body) {
            return null;
        }
    }

    @Test
    void headersDefaultsAndTextBodiesAreDescribedAsTheApiTakesThem() {
        JsonObject paths = ApiDescription.of("shop", "1", List.of(OrderResource.class),
                ApiDescriptionTest.class.getClassLoader()).getJsonObject("paths");
        List<JsonObject> headers = paths.getJsonObject("/shop/api/orders").getJsonObject("post").getJsonArray(
                "parameters").getValuesAs(JsonObject.class);
        // Authorization belongs to the security scheme (OpenAPI 3.1: such a parameter is ignored), not a 100-char field
        assertEquals(List.of("Idempotency-Key"), headers.stream().map(h -> h.getString("name")).toList());
        assertTrue(headers.get(0).getBoolean("required"), "the method refuses a request without it");
        List<JsonObject> query = paths.getJsonObject("/shop/api/orders").getJsonObject("get").getJsonArray(
                "parameters").getValuesAs(JsonObject.class);
        assertEquals(0, query.get(0).getJsonObject("schema").getInt("default"));
        assertEquals(20, query.get(1).getJsonObject("schema").getInt("default"));
        assertFalse(query.get(2).getJsonObject("schema").getBoolean("default"));
        assertEquals("-createdAt", query.get(3).getJsonObject("schema").getString("default"));
        JsonObject cancel = paths.getJsonObject("/shop/api/orders/{id}/cancel").getJsonObject("post")
                .getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema");
        // the object the method binds, not "any text"
        assertFalse(cancel.containsKey("type") && cancel.getString("type").equals("string"), cancel.toString());
        assertTrue(cancel.toString().contains("CancelBody") || cancel.toString().contains("reason"), cancel
                .toString());
    }

    private static ClassLoader withResponses(Path dir, String json) throws IOException {
        Path file = dir.resolve(ResponseDocumentation.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, ApiDescriptionTest.class.getClassLoader());
    }

    @Test
    void documentedAnswersAndTheirSchemasGoIntoTheDocument(@TempDir Path dir) throws IOException {
        ClassLoader loader = withResponses(dir, """
                {"schemas": {"Widget": {"type": "object", "additionalProperties": false,
                   "properties": {"id": {"type": "string"}, "price": {"$ref": "#/components/schemas/Money"}}}},
                 "operations": {"GET /shop/api/widgets/{id}": {"200": {"description": "The widget",
                     "schema": {"$ref": "#/components/schemas/Widget"}}},
                   "DELETE /shop/api/widgets/{id}": {"204": {"description": "Gone"}}}}
                """);
        JsonObject document = ApiDescription.of("shop", "1", List.of(WidgetResource.class), loader);
        JsonObject get = document.getJsonObject("paths").getJsonObject("/shop/api/widgets/{id}").getJsonObject(
                "get");
        assertEquals("#/components/schemas/Widget", get.getJsonObject("responses").getJsonObject("200")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString(
                        "$ref"));
        JsonObject delete = document.getJsonObject("paths").getJsonObject("/shop/api/widgets/{id}")
                .getJsonObject("delete").getJsonObject("responses").getJsonObject("204");
        assertFalse(delete.containsKey("content"), delete.toString());
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertTrue(schemas.containsKey("Widget"));
        assertTrue(schemas.containsKey("Money"), "the platform's shared schemas: " + schemas.keySet());
        // the platform documents its own operations once for every service
        JsonObject post = document.getJsonObject("paths").getJsonObject("/shop/api/widgets").getJsonObject("post");
        assertTrue(post.getJsonObject("responses").getJsonObject("2XX").getBoolean("x-undocumented"),
                "an operation without an entry is marked: " + post);
    }

    @Test
    void aSchemaDocumentedTwiceIsAnError(@TempDir Path dir) throws IOException {
        ClassLoader loader = withResponses(dir, "{\"schemas\": {\"Money\": {\"type\": \"object\"}}}");
        assertThrows(IllegalStateException.class, () -> ApiDescription.of("shop", "1", List.of(
                WidgetResource.class), loader));
    }

    @Test
    void theDescriptionsOwnOperationsAreDocumentedForEveryService() {
        JsonObject document = ApiDescription.of("shop", "1", List.of(ApiDescriptionResource.class),
                ApiDescriptionTest.class.getClassLoader());
        JsonObject responses = document.getJsonObject("paths").getJsonObject("/shop/api/openapi").getJsonObject(
                "get").getJsonObject("responses");
        assertFalse(responses.getJsonObject("200").containsKey("x-undocumented"), responses.toString());
    }

    public record NewGadget(@jakarta.validation.constraints.Size(max = 200) String name,
            @jakarta.validation.constraints.Max(100_000_000) @jakarta.validation.constraints.PositiveOrZero long amount,
            String note,
            java.util.Map<@jakarta.validation.constraints.Size(max = 60) String, @jakarta.validation.constraints.Size(max = 200) String> attributes,
            List<@jakarta.validation.constraints.Size(max = 30) String> tags,
            @jakarta.json.bind.annotation.JsonbProperty("refresh_token") String refreshToken) {
    }

    public static class NewGizmo {
        @jakarta.validation.constraints.Size(max = 80)
        public String label;
        @jakarta.validation.constraints.Max(5)
        public int count;
    }

    @jakarta.ws.rs.Path("gadgets")
    public static class GadgetResource {

        @POST
        public JsonObject create(NewGadget gadget) {
            return null;
        }

        @POST
        @jakarta.ws.rs.Path("gizmos")
        public JsonObject gizmo(NewGizmo gizmo) {
            return null;
        }

        @POST
        @jakarta.ws.rs.Path("{id}/ship")
        public JsonObject ship(@PathParam("id") String id) {
            return null;
        }
    }

    @Test
    void constraintsOnRecordComponentsFieldsAndTypeArgumentsAreInTheSchema() {
        JsonObject schemas = ApiDescription.of("shop", "1", List.of(GadgetResource.class),
                ApiDescriptionTest.class.getClassLoader()).getJsonObject("components").getJsonObject("schemas");
        JsonObject gadget = schemas.getJsonObject("ApiDescriptionTestNewGadget").getJsonObject("properties");
        assertEquals(200, gadget.getJsonObject("name").getInt("maxLength"), gadget.toString());
        assertEquals(100_000_000, gadget.getJsonObject("amount").getJsonNumber("maximum").longValue());
        assertEquals(0, gadget.getJsonObject("amount").getInt("minimum"));
        assertEquals(100_000, gadget.getJsonObject("note").getInt("maxLength"), "no @Size: the parser's limit");
        assertEquals(200, gadget.getJsonObject("attributes").getJsonObject("additionalProperties").getInt(
                "maxLength"));
        assertEquals(60, gadget.getJsonObject("attributes").getJsonObject("propertyNames").getInt("maxLength"));
        assertEquals(30, gadget.getJsonObject("tags").getJsonObject("items").getInt("maxLength"));
        assertTrue(gadget.containsKey("refresh_token"), "named as JSON-B binds it: " + gadget.keySet());
        JsonObject gizmo = schemas.getJsonObject("ApiDescriptionTestNewGizmo").getJsonObject("properties");
        assertEquals(80, gizmo.getJsonObject("label").getInt("maxLength"));
        assertEquals(5, gizmo.getJsonObject("count").getInt("maximum"));
    }

    @Test
    void operationsWithABodyList415AndAnEntryMayAddProblems(@TempDir Path dir) throws IOException {
        ClassLoader loader = withResponses(dir, """
                {"operations": {"POST /shop/api/gadgets": {"201": {"description": "Made"}, "problems": ["402"]},
                   "POST /shop/api/gadgets/{id}/ship": {"200": {"description": "Shipped"}}}}
                """);
        JsonObject paths = ApiDescription.of("shop", "1", List.of(GadgetResource.class), loader).getJsonObject(
                "paths");
        JsonObject create = paths.getJsonObject("/shop/api/gadgets").getJsonObject("post").getJsonObject(
                "responses");
        assertTrue(create.containsKey("415"), create.keySet().toString());
        assertEquals("#/components/schemas/Problem", create.getJsonObject("402").getJsonObject("content")
                .getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"));
        assertFalse(create.containsKey("problems"));
        JsonObject ship = paths.getJsonObject("/shop/api/gadgets/{id}/ship").getJsonObject("post").getJsonObject(
                "responses");
        assertFalse(ship.containsKey("415"), "no body, no 415: " + ship.keySet());
        assertFalse(ship.containsKey("402"));
    }

    @Test
    void problemsMustBeErrorStatuses(@TempDir Path dir) throws IOException {
        ClassLoader loader = withResponses(dir, """
                {"operations": {"POST /shop/api/gadgets": {"201": {"description": "Made"}, "problems": ["201"]}}}
                """);
        assertThrows(IllegalStateException.class, () -> ApiDescription.of("shop", "1", List.of(
                GadgetResource.class), loader));
    }
}
