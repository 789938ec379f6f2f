package org.mercato.platform.security;

import jakarta.ws.rs.core.SecurityContext;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * For an operation open to everyone whose some forms are for staff only (a product list by status, the stock list
 * without {@code sku}): the same answers {@code @RolesAllowed} gives, 401 without a token and 403 with one that is
 * neither staff nor admin, as problem+json.
 */
public final class StaffOnly {

    private StaffOnly() {
    }

    /** Whether the caller is staff or admin. */
    public static boolean isStaff(SecurityContext security) {
        return security != null && (security.isUserInRole(Roles.STAFF) || security.isUserInRole(Roles.ADMIN));
    }

    /**
     * @param what the staff-only form, for the problem's detail ("listing products by status=archived")
     * @throws ProblemException 401 (with {@code WWW-Authenticate: Bearer}) for an anonymous caller, 403 for one
     *         that is neither staff nor admin
     */
    public static void require(SecurityContext security, String what) {
        if (isStaff(security)) {
            return;
        }
        if (security == null || security.getUserPrincipal() == null) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", what
                    + " needs a staff or admin token").withHeader("WWW-Authenticate", "Bearer"));
        }
        throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", what + " is for staff and admins"));
    }
}
