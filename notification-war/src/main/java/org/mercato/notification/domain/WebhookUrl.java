package org.mercato.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The rules for an address deliveries go to: an absolute {@code http} or {@code https} URL with a host, no user
 * info (credentials in a URL end up in logs), no fragment, at most {@value #MAX_LENGTH} characters. Private and
 * loopback addresses are allowed: staff register them on purpose (a system next to the shop), and deliveries go
 * only to the registered address (redirects are not followed).
 */
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2000;

    private WebhookUrl() {
    }

    /**
     * @return the URL as a URI, unchanged
     * @throws WebhookException {@code INVALID} on field {@code url}, saying which rule it breaks
     */
    public static URI checked(String url) {
        if (url == null || url.isBlank()) {
            throw WebhookException.invalid("url", "is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw WebhookException.invalid("url", "must have at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw WebhookException.invalid("url", "is not a URL (" + e.getReason() + ")");
        }
        if (!uri.isAbsolute() || uri.getScheme() == null) {
            throw WebhookException.invalid("url", "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw WebhookException.invalid("url", "must use http or https, not " + scheme);
        }
        if (uri.getRawUserInfo() != null) {
            throw WebhookException.invalid("url", "must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw WebhookException.invalid("url", "must name a host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw WebhookException.invalid("url", "must have a port from 1 to 65535");
        }
        if (uri.getRawFragment() != null) {
            throw WebhookException.invalid("url", "must not have a fragment (#...)");
        }
        return uri;
    }

    /** The URL without its query, for logs: a query may carry a receiver's token. */
    public static String forLog(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return "?";
        }
    }
}
