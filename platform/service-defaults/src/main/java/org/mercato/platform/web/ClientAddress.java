package org.mercato.platform.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who the client is, for rate limits and logs: the TCP peer address, unless the peer is a trusted proxy (see
 * {@link TrustedProxies}); then {@code X-Forwarded-For} is read from the right, skipping further trusted proxies,
 * and the first address not trusted is the client. A client can write anything in that header, so entries left of
 * the first untrusted one are never believed.
 */
public final class ClientAddress {

    /** The header a proxy appends the address of its own peer to. */
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {
    }

    /** The client of this servlet request. */
    public static String of(HttpServletRequest request, TrustedProxies proxies) {
        return resolve(request.getRemoteAddr(), request.getHeader(FORWARDED_FOR), proxies);
    }

    /**
     * @param peer the TCP peer's address
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     */
    public static String resolve(String peer, String forwardedFor, TrustedProxies proxies) {
        if (!proxies.trusts(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = address(hops[i]);
            if (hop.isEmpty()) {
                // garbage where an address should be: stop believing the header from here on
                return client;
            }
            client = hop.get();
            if (!proxies.trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** Whether the client's request came over TLS: to this server, or to a trusted proxy that says so. */
    public static boolean isHttps(HttpServletRequest request, TrustedProxies proxies) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && proxies.trusts(request.getRemoteAddr())
                && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }

    private static Optional<String> address(String hop) {
        String trimmed = hop.trim();
        // "1.2.3.4:5678" and "[::1]:5678" carry a port some proxies add
        if (trimmed.startsWith("[") && trimmed.contains("]")) {
            trimmed = trimmed.substring(1, trimmed.indexOf(']'));
        } else if (trimmed.indexOf(':') > 0 && trimmed.indexOf(':') == trimmed.lastIndexOf(':')) {
            trimmed = trimmed.substring(0, trimmed.indexOf(':'));
        }
        return TrustedProxies.literal(trimmed).isPresent() ? Optional.of(trimmed) : Optional.empty();
    }
}
