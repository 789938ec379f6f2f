package org.mercato.notification.application;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.mercato.notification.domain.WebhookDelivery.AttemptResult;

/** POSTs one delivery (infrastructure: {@code java.net.http}, no redirects followed, timeouts from the settings). */
public interface WebhookSender {

    /**
     * @return completes with the answer's status, or with the reason there was none (refused, timed out); never
     *         completes exceptionally
     */
    CompletableFuture<AttemptResult> post(URI url, Map<String, String> headers, String body);
}
