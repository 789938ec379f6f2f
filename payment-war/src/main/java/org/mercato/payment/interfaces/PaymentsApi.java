package org.mercato.payment.interfaces;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;

import org.eclipse.microprofile.auth.LoginConfig;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.ServiceApplication;

/** The payment service API under /payments/api, secured by tokens from user-war. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
@ApplicationScoped
public class PaymentsApi extends ServiceApplication {
}
