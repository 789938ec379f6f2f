package org.mercato.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.Set;

import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;

class StaffOnlyTest {

    private static SecurityContext caller(String name, String... roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return name == null ? null : () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return Set.of(roles).contains(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return name == null ? null : "MP-JWT";
            }
        };
    }

    @Test
    void staffAndAdminsPass() {
        StaffOnly.require(caller("stan", Roles.STAFF), "listing");
        StaffOnly.require(caller("ada", Roles.ADMIN), "listing");
        assertTrue(StaffOnly.isStaff(caller("stan", Roles.STAFF)));
    }

    @Test
    void anonymousCallersGet401AndOthers403() {
        ProblemException anonymous = assertThrows(ProblemException.class, () -> StaffOnly.require(caller(null),
                "listing archived products"));
        assertEquals(401, anonymous.problem().status());
        assertTrue(anonymous.problem().detail().startsWith("listing archived products"));
        assertEquals(401, assertThrows(ProblemException.class, () -> StaffOnly.require(null, "x")).problem()
                .status());
        ProblemException customer = assertThrows(ProblemException.class, () -> StaffOnly.require(caller("eve",
                Roles.CUSTOMER, Roles.SERVICE), "listing archived products"));
        assertEquals(403, customer.problem().status());
        assertFalse(StaffOnly.isStaff(caller("eve", Roles.CUSTOMER)));
    }
}
