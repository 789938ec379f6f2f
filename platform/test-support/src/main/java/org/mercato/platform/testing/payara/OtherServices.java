package org.mercato.platform.testing.payara;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The rest of the platform as the service under test reaches it over HTTP: one server on 127.0.0.1 in place of the
 * gateway ({@code mercato.api.base-url}). It serves the test's token key at {@code /users/api/jwks} (where the
 * services read the users service's key, {@code mp.jwt.verify.publickey.location}) and the answers a test gives
 * for other paths ({@link #answer}); anything else is 404. The requests it got are kept, to check what the service
 * asked of its neighbours.
 */
public final class OtherServices implements AutoCloseable {

    /** A request the service under test sent: method, path with query, body. */
    public record Request(String method, String path, String body) {
    }

    private record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();

    private OtherServices(HttpServer server) {
        this.server = server;
    }

    static OtherServices start(int port, TestTokens tokens) throws IOException {
        OtherServices services = new OtherServices(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
        services.answer("GET", "/users/api/jwks", 200, tokens.jwks());
        services.server.createContext("/", services::handle);
        services.server.start();
        return services;
    }

    /** {@code http://127.0.0.1:<port>}, the gateway address the service under test is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, a request with this method and path (no query) is answered with the status and JSON body. */
    public void answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, json));
    }

    /** The requests received so far, oldest first (the JWKS fetches included). */
    public List<Request> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
            Answer answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (answer == null) {
                answer = new Answer(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}");
            }
            byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() < 400
                    ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(answer.status(), json.length);
            exchange.getResponseBody().write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
