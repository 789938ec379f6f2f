package org.mercato.systemtests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Holds every answer the system tests receive to the services' OpenAPI documents: a successful answer must have a
 * documented status and validate against its documented schema, a problem against {@code Problem}. {@link Http}
 * calls it for every exchange, so each test that uses the API also checks the documents against real responses.
 * A violation is an {@link AssertionError} naming the operation, the status and the schema errors.
 */
final class ResponseContract {

    private static final Pattern SERVICE_PATH = Pattern.compile("^/([a-z]+)/api/.*");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, JsonObject> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ResponseContract() {
    }

    static void check(String base, HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getRawPath();
        var service = SERVICE_PATH.matcher(path);
        if (!service.matches() || !AccessMatrixIT.SERVICES.contains(service.group(1))) {
            return;
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400) {
            if (contentType.startsWith("application/problem+json")) {
                JsonObject document = document(base, service.group(1));
                if (document != null) {
                    validate(base + " Problem", document, Json.createObjectBuilder().add("$ref",
                            "#/components/schemas/Problem").build(), response.body(), request, status);
                }
            }
            return;
        }
        if (status < 200 || status >= 300) {
            return;
        }
        JsonObject document = document(base, service.group(1));
        if (document == null) {
            return; // the service is not up (a restart test): nothing to hold the answer to
        }
        String verb = request.method().toLowerCase(Locale.ROOT);
        Optional<String> template = template(document, path, verb);
        if (template.isEmpty()) {
            throw new AssertionError(request.method() + " " + path + " answered " + status
                    + " but no operation of the document matches it");
        }
        JsonObject operation = document.getJsonObject("paths").getJsonObject(template.get()).getJsonObject(verb);
        JsonObject answer = operation.getJsonObject("responses").getJsonObject(String.valueOf(status));
        String name = request.method() + " " + template.get() + " " + status;
        if (answer == null || answer.containsKey("x-undocumented")) {
            throw new AssertionError(name + " is not documented: " + operation.getJsonObject("responses")
                    .keySet());
        }
        JsonObject content = answer.getJsonObject("content");
        if (content == null) {
            if (!response.body().isEmpty()) {
                throw new AssertionError(name + " is documented without content but answered " + response.body());
            }
            return;
        }
        JsonObject json = content.getJsonObject("application/json");
        if (json == null) {
            return; // images and other media: the media type is the contract
        }
        if (!contentType.startsWith("application/json")) {
            throw new AssertionError(name + " answered " + contentType + ", documented application/json");
        }
        validate(base + " " + name, document, json.getJsonObject("schema"), response.body(), request, status);
    }

    /** The schema errors of a body as the answer {@code status} of one documented operation (empty: valid). */
    static List<String> errors(String base, String service, String verb, String template, int status, String body) {
        JsonObject document = document(base, service);
        JsonObject schema = document.getJsonObject("paths").getJsonObject(template).getJsonObject(verb)
                .getJsonObject("responses").getJsonObject(String.valueOf(status)).getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema");
        return compile(base + " " + verb + " " + template + " " + status, document, schema).validate(body,
                InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private static Schema compile(String key, JsonObject document, JsonObject schema) {
        return SCHEMAS.computeIfAbsent(key, k -> SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12).getSchema(
                        Json.createObjectBuilder(schema)
                                .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                                .add("components", document.getJsonObject("components")).build().toString(),
                        InputFormat.JSON));
    }

    private static void validate(String key, JsonObject document, JsonObject schema, String body,
            HttpRequest request, int status) {
        var errors = compile(key, document, schema).validate(body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(request.method() + " " + request.uri().getRawPath() + " answered " + status
                    + " not as documented: " + errors + "\n" + (body.length() > 2000
                            ? body.substring(0, 2000) + "..."
                            : body));
        }
    }

    /** The document's path template that matches a concrete path best (the most literal characters). */
    static Optional<String> template(JsonObject document, String rawPath, String verb) {
        // JAX-RS matches a path with a trailing slash as the same resource (/shipments/ is the list)
        String path = rawPath.length() > 1 && rawPath.endsWith("/")
                ? rawPath.substring(0, rawPath.length() - 1)
                : rawPath;
        List<String> candidates = document.getJsonObject("paths").entrySet().stream()
                .filter(e -> e.getValue().asJsonObject().containsKey(verb))
                .map(Map.Entry::getKey)
                .filter(t -> Pattern.matches(t.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."), path))
                .toList();
        return candidates.stream().max(Comparator.comparingInt(t -> t.replaceAll("\\{[^}]+}", "").length()));
    }

    private static JsonObject document(String base, String service) {
        JsonObject cached = DOCUMENTS.get(base + "/" + service);
        if (cached != null) {
            return cached;
        }
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/" + service
                    + "/api/openapi")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonObject document = Json.createReader(new StringReader(response.body())).readObject();
            DOCUMENTS.put(base + "/" + service, document);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
