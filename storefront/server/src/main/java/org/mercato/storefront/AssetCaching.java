package org.mercato.storefront;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cache headers for the built files: Vite names every file under {@code /assets/} after a hash of its content, so
 * those are {@code immutable} for a year; everything else (index.html, favicon) is revalidated on every use, so a
 * new release is seen at once.
 */
public class AssetCaching extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        response.setHeader("Cache-Control", path.startsWith("/assets/")
                ? "public, max-age=31536000, immutable"
                : "no-cache");
        chain.doFilter(request, response);
    }
}
