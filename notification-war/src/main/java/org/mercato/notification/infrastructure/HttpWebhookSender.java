package org.mercato.notification.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.notification.application.WebhookSender;
import org.mercato.notification.application.WebhookSettings;
import org.mercato.notification.domain.WebhookDelivery.AttemptResult;

/**
 * POSTs deliveries with the JDK's HTTP client: HTTP/1.1, connect timeout and a timeout for the whole answer from
 * the settings (10 s each by default), redirects never followed (a 3xx is a failed attempt: deliveries go to the
 * registered address only), the answer's body read and dropped. Its threads are the container's.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    static final String USER_AGENT = "Mercato-Webhooks/1";

    @Inject
    WebhookSettings settings;

    @Resource
    ManagedExecutorService executor;

    private HttpClient client;
    private Duration timeout;

    protected HttpWebhookSender() {
        // for CDI
    }

    /** Outside a container: the client's own threads. */
    public HttpWebhookSender(WebhookSettings settings) {
        this.settings = settings;
        start(null);
    }

    @PostConstruct
    void start() {
        start(executor);
    }

    private void start(Executor threads) {
        timeout = settings.timeout();
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(
                timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (threads != null) {
            builder.executor(threads);
        }
        client = builder.build();
    }

    @Override
    public CompletableFuture<AttemptResult> post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long started = System.nanoTime();
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((response,
                failure) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (failure == null) {
                return AttemptResult.answered(response.statusCode(), took);
            }
            return AttemptResult.noAnswer(describe(failure), took);
        });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s (" + cause.getClass().getSimpleName() + ")";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
