package org.mercato.storefront;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet of the storefront, which only reads: GET, HEAD and OPTIONS. Any other method gets 405 Method Not Allowed
 * with {@code Allow: GET, HEAD, OPTIONS} (RFC 9110 §15.5.6) and a problem body ({@link ReadOnlyMethods}, which
 * also guards the static files).
 * HttpServlet on its own answers 501 Not Implemented to a method it does not know (PATCH), which says the server
 * cannot do it at all.
 */
public abstract class ReadOnlyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The methods a storefront servlet serves, as the {@code Allow} header lists them. */
    static final String ALLOW = "GET, HEAD, OPTIONS";

    /** Whether {@code method} is one a storefront servlet serves. */
    static boolean serves(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!serves(request.getMethod())) {
            ReadOnlyMethods.refuse(response);
            return;
        }
        super.service(request, response);
    }
}
