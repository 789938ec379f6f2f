package org.mercato.user.interfaces;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;
import org.mercato.platform.security.Roles;

/** The users API under /users/api; bearer tokens are verified by MP-JWT against our own JWKS. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
@ApplicationScoped
public class UsersApi extends Application {
}
