package org.mercato.storefront;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code GET /openapi} at the instance's root: the OpenAPI 3.1 document of every service in one, with each path
 * under its service's context root ({@code /catalog/api/products}), as JSON. It is the merged view the services
 * build ({@code GET /catalog/api/openapi/merged}); the launcher moves Payara's own {@code /openapi} out of the way
 * in an instance that deploys the storefront, because Payara's merge of several WARs drops their context roots.
 * 503 with {@code Retry-After} while the services are not all up.
 */
public class ApiDocument extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiDocument.class.getName());
    /** The longest wait for the merged view, in seconds (its first build asks every service). */
    static final int TIMEOUT_SECONDS = 30;

    private transient HttpClient http;
    private String source;
    /** The document once a service answered it; it changes only with a redeployment. */
    private transient volatile byte[] document;

    @Override
    public void init() {
        String base = ConfigProvider.getConfig().getOptionalValue("mercato.api.base-url", String.class)
                .map(ShopPages::trimSlash).orElse("http://127.0.0.1:8080");
        source = base + "/catalog/api/openapi/merged";
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = document;
        if (body == null) {
            try {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(source))
                        .timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).header("Accept", "application/json").GET()
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IOException("answered " + answer.statusCode());
                }
                body = answer.body();
                document = body;
            } catch (IOException e) {
                LOG.warning(() -> "No merged OpenAPI document from " + source + ": " + e.getMessage());
                response.setHeader("Retry-After", "10");
                response.sendError(503);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.sendError(503);
                return;
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
