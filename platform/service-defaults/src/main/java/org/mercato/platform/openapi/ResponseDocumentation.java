package org.mercato.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * What each operation answers when it succeeds, written next to the code that builds the answers (the services
 * build their JSON by hand, so no Java type says it). Read from every {@value #RESOURCE} on the class path (the
 * platform's own holds the shared {@code Money} and {@code Address}); each file is
 *
 * <pre>
 * {"schemas": {"Name": {JSON Schema 2020-12, references as "#/components/schemas/Other"}},
 *  "operations": {"GET /catalog/api/products/{id}": {"200": {"schema": {...}}},
 *                 "DELETE /catalog/api/products/{id}": {"204": {}},
 *                 "GET /catalog/api/images/{name}": {"200": {"contentType": "image/webp"}},
 *                 "POST /orders/api/orders": {"201": {...}, "problems": ["402"]}}}
 * </pre>
 *
 * <p>
 * {@code problems} (optional) names problem statuses the operation answers besides the ones every operation lists
 * (400, 401, 403, 404, 409, 413, 422, 429, 503, and 415 with a request body): 4xx or 5xx, each documented as a
 * problem+json answer.
 *
 * <p>
 * An operation every service has (the platform's {@code status}, {@code openapi}) is documented once with
 * {@code /{service}} as its first segment.
 *
 * <p>
 * It cannot drift unseen: the system tests validate every successful JSON answer they receive against it, and an
 * operation without an entry is marked {@code x-undocumented}, which fails {@code OpenApiIT}.
 */
final class ResponseDocumentation {

    static final String RESOURCE = "META-INF/mercato/api-responses.json";

    /** The key of an operation's entry that lists its extra problem statuses. */
    static final String PROBLEMS = "problems";
    /**
     * An operation entry's key for request bodies the Java type cannot describe (a text body read row by row):
     * {@code "requestBodies": {"application/json": {JSON Schema}}}, by media type; other media types keep the
     * generated schema.
     */
    static final String REQUEST_BODIES = "requestBodies";

    private final Map<String, JsonObject> schemas;
    private final Map<String, JsonObject> operations;

    private ResponseDocumentation(Map<String, JsonObject> schemas, Map<String, JsonObject> operations) {
        this.schemas = schemas;
        this.operations = operations;
    }

    /** @throws IllegalStateException when a file is not the shape above */
    static ResponseDocumentation load(ClassLoader loader) {
        Map<String, JsonObject> schemas = new TreeMap<>();
        Map<String, JsonObject> operations = new TreeMap<>();
        try {
            Enumeration<URL> files = loader.getResources(RESOURCE);
            for (URL file : Collections.list(files)) {
                try (InputStream in = file.openStream(); JsonReader reader = Json.createReader(in)) {
                    JsonObject document = reader.readObject();
                    merge(file, document.getOrDefault("schemas", JsonValue.EMPTY_JSON_OBJECT), schemas);
                    merge(file, document.getOrDefault("operations", JsonValue.EMPTY_JSON_OBJECT), operations);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResponseDocumentation(schemas, operations);
    }

    private static void merge(URL file, JsonValue entries, Map<String, JsonObject> into) {
        entries.asJsonObject().forEach((name, value) -> {
            if (into.putIfAbsent(name, value.asJsonObject()) != null) {
                throw new IllegalStateException(name + " is documented twice (again in " + file + ")");
            }
        });
    }

    Map<String, JsonObject> schemas() {
        return schemas;
    }

    /** @return status code to answer, or null when the operation is not documented */
    JsonObject of(String verb, String path) {
        String key = verb.toUpperCase(Locale.ROOT) + " ";
        JsonObject own = operations.get(key + path);
        if (own != null || path.indexOf('/', 1) < 0) {
            return own;
        }
        // the platform's own resources (status, openapi) are documented once for every service
        return operations.get(key + "/{service}" + path.substring(path.indexOf('/', 1)));
    }

    /**
     * The extra problem statuses of a documented operation ({@code "problems": ["402"]}), none when it has no entry.
     *
     * @throws IllegalStateException when the list is not status codes from 400 to 599
     */
    static java.util.List<String> problems(JsonObject operation) {
        if (operation == null || !operation.containsKey(PROBLEMS)) {
            return java.util.List.of();
        }
        JsonValue list = operation.get(PROBLEMS);
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalStateException("\"" + PROBLEMS + "\" must be a list of status codes: " + list);
        }
        java.util.List<String> statuses = new java.util.ArrayList<>();
        for (JsonValue item : list.asJsonArray()) {
            String status = item instanceof jakarta.json.JsonString text ? text.getString() : item.toString();
            if (!status.matches("[45][0-9][0-9]")) {
                throw new IllegalStateException("\"" + PROBLEMS + "\" lists " + item + ", not a 4xx or 5xx status");
            }
            statuses.add(status);
        }
        return statuses;
    }

    /** One OpenAPI response object from a documented answer. */
    static JsonObject response(JsonObject answer) {
        JsonObjectBuilder response = Json.createObjectBuilder().add("description", answer.getString("description",
                "Success"));
        if (answer.containsKey("schema")) {
            response.add("content", Json.createObjectBuilder().add(answer.getString("contentType",
                    "application/json"), Json.createObjectBuilder().add("schema", answer.get("schema"))));
        } else if (answer.containsKey("contentType")) {
            response.add("content", Json.createObjectBuilder().add(answer.getString("contentType"), Json
                    .createObjectBuilder().add("schema", Json.createObjectBuilder().add("type", "string")
                            .add("contentMediaType", answer.getString("contentType")))));
        }
        if (answer.containsKey("headers")) {
            response.add("headers", answer.get("headers"));
        }
        return response.build();
    }
}
