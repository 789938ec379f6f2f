package org.mercato.payment.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP stub of the Stripe endpoints Mercato calls, on 127.0.0.1 and a free port: it records each request
 * (path, Idempotency-Key, Authorization, form fields) and answers what the test set for the path's last segment
 * ({@code payment_intents}, {@code capture}, {@code cancel}, {@code refunds}), optionally after a delay.
 */
public final class StripeStub implements AutoCloseable {

    /** One request as Stripe would have received it. */
    public record Call(String path, String key, String authorization, Map<String, String> form) {
    }

    /** An answer: HTTP status, JSON body, delay before answering. */
    public record Answer(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public StripeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    /** The address to configure as Stripe's API base. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What requests whose path ends in {@code endpoint} are answered. */
    public StripeStub answer(String endpoint, int status, String body) {
        return answer(endpoint, status, body, 0);
    }

    public StripeStub answer(String endpoint, int status, String body, long delayMillis) {
        answers.put(endpoint, new Answer(status, body, delayMillis));
        return this;
    }

    /** The paths called, in order. */
    public List<String> paths() {
        return calls.stream().map(Call::path).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization"), form));
        Answer answer = answers.getOrDefault(path.substring(path.lastIndexOf('/') + 1), new Answer(404,
                "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no stub\"}}", 0));
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGaveUp) {
            // the client's timeout closed the connection first
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
