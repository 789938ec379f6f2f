package org.mercato.analytics.interfaces;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;

import org.eclipse.microprofile.auth.LoginConfig;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.ServiceApplication;

/** The analytics service API under /analytics/api, secured by tokens from user-war. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
@ApplicationScoped
public class AnalyticsApi extends ServiceApplication {
}
