package org.mercato.systemtests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/**
 * A small HTTP client for black-box tests: JSON in, status + JSON out. Every answer is held to the service's
 * OpenAPI document ({@link ResponseContract}).
 */
final class Http {

    // HTTP/1.1 as browsers and curl speak it to the gateway; the JDK default would try an h2c upgrade
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;

    Http(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    record Reply(int status, String body, HttpResponse<String> raw) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        JsonStructure anyJson() {
            return Json.createReader(new StringReader(body)).read();
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Reply post(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply put(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply postBytes(String path, String contentType, byte[] body, String token) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A binary GET (images), with extra headers as name, value pairs. */
    HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply patch(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /**
     * Sends a request; one that may safely be sent twice (a POST with an Idempotency-Key, as Stripe's clients do) is
     * sent again once when the connection closes without an answer, e.g. a kept-alive connection the gateway's reload
     * closed just as the request went out (RFC 9112 9.3.1). The JDK client already does this for GET and HEAD.
     */
    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                if (request.headers().firstValue("Idempotency-Key").isEmpty()) {
                    throw closed;
                }
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            ResponseContract.check(base, request, response);
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }
}
