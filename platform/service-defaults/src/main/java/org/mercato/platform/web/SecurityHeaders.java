package org.mercato.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * Security headers on every response of a web front-end (the admin console, the storefront):
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy}, a
 * {@code Content-Security-Policy} when one is configured, and {@code Strict-Transport-Security} over TLS. It also
 * hardens the cookies the application sets: {@code SameSite} when missing, and {@code Secure} when the request came
 * over TLS, directly or through a trusted proxy saying {@code X-Forwarded-Proto: https} ({@link TrustedProxies}).
 * <p>
 * Registered in a WAR's web.xml, with the init parameters {@code content-security-policy} (none by default, e.g.
 * when PrimeFaces writes its own nonce-based policy), {@code referrer-policy} (default {@code same-origin}) and
 * {@code cookie-same-site} (default {@code Strict}) and {@code harden-cookies} ({@code false} for a site that sets
 * none, so its static files are sent unwrapped).
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private String contentSecurityPolicy;
    private String referrerPolicy;
    private String sameSite;
    private boolean cookies = true;
    private transient TrustedProxies proxies;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        contentSecurityPolicy = param(config, "content-security-policy", null);
        referrerPolicy = param(config, "referrer-policy", "same-origin");
        sameSite = param(config, "cookie-same-site", "Strict");
        cookies = Boolean.parseBoolean(param(config, "harden-cookies", "true"));
        try {
            proxies = TrustedProxies.fromConfig();
        } catch (IllegalStateException | LinkageError noConfig) {
            proxies = TrustedProxies.none();
        }
    }

    /** For tests: a filter with these settings. */
    static SecurityHeaders with(String contentSecurityPolicy, TrustedProxies proxies) {
        SecurityHeaders filter = new SecurityHeaders();
        filter.contentSecurityPolicy = contentSecurityPolicy;
        filter.referrerPolicy = "same-origin";
        filter.sameSite = "Strict";
        filter.proxies = proxies;
        return filter;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean https = ClientAddress.isHttps(request, proxies);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", referrerPolicy);
        if (contentSecurityPolicy != null) {
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        }
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        // the container adds its session cookies straight to the response, past any wrapper: so the cookie headers
        // are hardened right after a session is created or its id changed, before the response is first flushed
        // (committing it), and once more at the end
        if (!cookies) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new CookieHardening(request, response, https), new HardenBeforeCommit(response, https));
        if (!response.isCommitted()) {
            hardenCookies(response, https);
        }
    }

    private void hardenCookies(HttpServletResponse response, boolean https) {
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.isEmpty()) {
            return;
        }
        List<String> hardened = cookies.stream().map(c -> harden(c, https, sameSite)).toList();
        if (hardened.equals(cookies)) {
            return;
        }
        response.setHeader("Set-Cookie", hardened.get(0));
        hardened.stream().skip(1).forEach(c -> response.addHeader("Set-Cookie", c));
    }

    /** One {@code Set-Cookie} value with {@code SameSite} (when missing) and {@code Secure} (over TLS) added. */
    static String harden(String setCookie, boolean https, String sameSite) {
        String lower = setCookie.toLowerCase(Locale.ROOT);
        StringBuilder value = new StringBuilder(setCookie);
        if (https && !lower.matches(".*;\\s*secure\\s*(;.*)?")) {
            value.append("; Secure");
        }
        if (!lower.contains("samesite=")) {
            value.append("; SameSite=").append(sameSite);
        }
        return value.toString();
    }

    private static String param(FilterConfig config, String name, String fallback) {
        String value = config.getInitParameter(name);
        return value == null || value.isBlank() ? fallback : value.trim().replaceAll("\\s+", " ");
    }

    /** Hardens the cookies before the response is committed by a flush. */
    private final class HardenBeforeCommit extends HttpServletResponseWrapper {
        private final boolean https;

        HardenBeforeCommit(HttpServletResponse response, boolean https) {
            super(response);
            this.https = https;
        }

        private void beforeCommit() {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (!response.isCommitted()) {
                hardenCookies(response, https);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            beforeCommit();
            super.flushBuffer();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            PrintWriter writer = super.getWriter();
            return new PrintWriter(writer) {
                @Override
                public void flush() {
                    beforeCommit();
                    super.flush();
                }

                @Override
                public void close() {
                    beforeCommit();
                    super.close();
                }
            };
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            ServletOutputStream stream = super.getOutputStream();
            return new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    stream.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    stream.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    beforeCommit();
                    stream.flush();
                }

                @Override
                public void close() throws IOException {
                    beforeCommit();
                    stream.close();
                }

                @Override
                public boolean isReady() {
                    return stream.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    stream.setWriteListener(listener);
                }
            };
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            beforeCommit();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            beforeCommit();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            beforeCommit();
            super.sendError(status);
        }
    }

    /** Hardens the session cookie as soon as the container has written it. */
    private final class CookieHardening extends HttpServletRequestWrapper {
        private final HttpServletResponse response;
        private final boolean https;

        CookieHardening(HttpServletRequest request, HttpServletResponse response, boolean https) {
            super(request);
            this.response = response;
            this.https = https;
        }

        @Override
        public HttpSession getSession(boolean create) {
            boolean had = super.getSession(false) != null;
            HttpSession session = super.getSession(create);
            if (!had && session != null && !response.isCommitted()) {
                hardenCookies(response, https);
            }
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            if (!response.isCommitted()) {
                hardenCookies(response, https);
            }
            return id;
        }
    }
}
