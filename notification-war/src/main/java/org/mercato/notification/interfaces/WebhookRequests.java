package org.mercato.notification.interfaces;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mercato.notification.domain.WebhookEndpoint;
import org.mercato.notification.domain.WebhookUrl;

/** JSON bodies of the webhook API (classes with public fields, as Payara's OpenAPI reader needs). */
public final class WebhookRequests {

    private WebhookRequests() {
    }

    /** A new endpoint: where to, which event types ({@code "*"} for all), what it is for. */
    public static final class Register {
        @NotNull
        @Size(max = WebhookUrl.MAX_LENGTH)
        public String url;

        @NotNull
        @Size(min = 1, max = 50)
        public List<String> eventTypes;

        @Size(max = WebhookEndpoint.MAX_DESCRIPTION)
        public String description;
    }

    /** A change to an endpoint: only what is given changes. */
    public static final class Change {
        @Size(max = WebhookUrl.MAX_LENGTH)
        public String url;

        @Size(min = 1, max = 50)
        public List<String> eventTypes;

        public Boolean enabled;

        @Size(max = WebhookEndpoint.MAX_DESCRIPTION)
        public String description;
    }
}
