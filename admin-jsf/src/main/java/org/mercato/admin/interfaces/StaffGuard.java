package org.mercato.admin.interfaces;

import java.io.IOException;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every console page but sign-in needs a signed-in staff member, and the admin pages an admin. A signed-in
 * session's token is refreshed here when due, so it stays valid as long as the session is used; a session whose
 * refresh was refused is sent to sign in again. Ajax requests get a Faces partial-response redirect.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class StaffGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Pages anyone may open. */
    static final Set<String> PUBLIC = Set.of("/index.xhtml", "/expired.xhtml");
    /** Pages for admins only. */
    static final Set<String> ADMIN_ONLY = Set.of("/staff.xhtml", "/events.xhtml");

    @Inject
    StaffSession session;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (PUBLIC.contains(path) || path.startsWith("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getSession(false) == null || !session.isSignedIn()) {
            toSignIn(request, response);
            return;
        }
        session.keepAlive();
        if (!session.isSignedIn()) {
            toSignIn(request, response);
            return;
        }
        if (ADMIN_ONLY.contains(path) && !session.isAdmin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        // staff pages show live data: never from a cache, nor the back button's
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signIn = request.getContextPath() + "/";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + signIn + "\"></redirect></partial-response>");
            return;
        }
        response.sendRedirect(signIn);
    }
}
