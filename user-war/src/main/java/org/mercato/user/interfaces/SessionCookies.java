package org.mercato.user.interfaces;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.config.Config;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.web.ClientAddress;
import org.mercato.platform.web.TrustedProxies;

/**
 * The storefront's session as a cookie, so that a browser never keeps the refresh token where scripts can read it:
 * {@value #NAME} holds the refresh token, {@code HttpOnly}, {@code SameSite=Strict}, sent only to the token
 * endpoints ({@code <context root>/api/tokens}), {@code Secure} when the request came over TLS (directly, or to a
 * trusted proxy saying {@code X-Forwarded-Proto: https}). Requests that act by the cookie must not come from
 * another site: an {@code Origin} header, when present, must be the request's own origin (see
 * {@link #requireSameOrigin}).
 */
@ApplicationScoped
public class SessionCookies {

    /** Name of the cookie that holds the refresh token. */
    public static final String NAME = "mercato_refresh";

    /** The host a trusted proxy received the request for. */
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    @Inject
    Config config;

    TrustedProxies proxies = TrustedProxies.none();

    @PostConstruct
    void readProxies() {
        proxies = TrustedProxies.parse(config.getOptionalValue(TrustedProxies.SETTING, String.class).orElse(""));
    }

    /**
     * The cookie that carries a new refresh token.
     *
     * @param maxAgeSeconds the refresh token's lifetime, in seconds
     */
    public NewCookie issued(HttpServletRequest request, String refreshToken, long maxAgeSeconds) {
        return cookie(request, refreshToken, (int) Math.min(Integer.MAX_VALUE, Math.max(0, maxAgeSeconds)));
    }

    /** The cookie that makes the browser forget the session ({@code Max-Age=0}, same name and path). */
    public NewCookie cleared(HttpServletRequest request) {
        return cookie(request, "", 0);
    }

    private NewCookie cookie(HttpServletRequest request, String value, int maxAgeSeconds) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path(path(request))
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .secure(ClientAddress.isHttps(request, proxies))
                .build();
    }

    /** The token endpoints' path: the browser sends the cookie there and nowhere else. */
    static String path(HttpServletRequest request) {
        return request.getContextPath() + "/api/tokens";
    }

    /**
     * The CSRF rule for requests that act by the cookie (on top of {@code SameSite=Strict}): a request that carries an
     * {@code Origin} header must come from this server's own origin. A request without one (not from a browser's
     * script, or an old browser's same-origin request) passes.
     *
     * @throws ProblemException 403 {@code cross-site-request} when the Origin is another site (or {@code null})
     */
    public void requireSameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, ownHost(request))) {
            throw new ProblemException(Problem.of(403, "cross-site-request", "Cross-site request refused",
                    "The session cookie is only accepted from this site's own pages"));
        }
    }

    /**
     * The host (and port) the client addressed: a trusted proxy's {@code X-Forwarded-Host}, else the {@code Host}
     * header.
     */
    String ownHost(HttpServletRequest request) {
        String forwarded = request.getHeader(FORWARDED_HOST);
        if (forwarded != null && !forwarded.isBlank() && proxies.trusts(request.getRemoteAddr())) {
            return forwarded.split(",")[0].trim();
        }
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return request.getServerName() + ":" + request.getServerPort();
        }
        return host.trim();
    }

    /**
     * Whether an {@code Origin} header names the same host and port as the request's own {@code host[:port]}; a
     * missing port is the origin scheme's default. The scheme itself is not compared: behind a TLS-terminating
     * proxy this server may see plain HTTP, and browsers already keep http and https cookies apart.
     */
    static boolean sameOrigin(String origin, String ownHost) {
        try {
            URI from = new URI(origin.trim());
            String scheme = from.getScheme();
            if (scheme == null || from.getHost() == null || from.getRawPath() != null && !from.getRawPath().isEmpty()
                    || from.getRawQuery() != null || from.getRawUserInfo() != null) {
                return false;
            }
            URI own = new URI(scheme + "://" + ownHost);
            if (own.getHost() == null || own.getRawPath() != null && !own.getRawPath().isEmpty()
                    || own.getRawUserInfo() != null) {
                return false;
            }
            int defaultPort = scheme.equalsIgnoreCase("https") ? 443 : scheme.equalsIgnoreCase("http") ? 80 : -1;
            return from.getHost().toLowerCase(Locale.ROOT).equals(own.getHost().toLowerCase(Locale.ROOT))
                    && port(from, defaultPort) == port(own, defaultPort);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri, int defaultPort) {
        return uri.getPort() == -1 ? defaultPort : uri.getPort();
    }
}
