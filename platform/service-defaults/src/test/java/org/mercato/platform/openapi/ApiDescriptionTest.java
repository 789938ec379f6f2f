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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;

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
}
