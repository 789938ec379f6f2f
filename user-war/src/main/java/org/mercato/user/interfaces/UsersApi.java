package org.mercato.user.interfaces;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;

import org.eclipse.microprofile.auth.LoginConfig;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.ServiceApplication;

/** The users API under /users/api; bearer tokens are verified by MP-JWT against our own JWKS. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
@ApplicationScoped
public class UsersApi extends ServiceApplication {
}
