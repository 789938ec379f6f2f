package org.mercato.user.application;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.Role;

/**
 * At first start there is nobody to run the shop: create the first admin from MERCATO_ADMIN_EMAIL and
 * MERCATO_ADMIN_PASSWORD (in embedded mode the launcher generates the password and prints it once).
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService accountService;

    @Inject
    @ConfigProperty(name = "mercato.admin.email", defaultValue = "admin@mercato.local")
    String email;

    @Inject
    @ConfigProperty(name = "mercato.admin.password")
    Optional<String> password;

    /** Runs after DatabaseMigrations, which observes the same event with an earlier priority. */
    void onStart(
            @Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object event) {
        createFirstAdminIfNone();
    }

    public void createFirstAdminIfNone() {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        String chosen = password.filter(p -> !p.isBlank()).orElse(null);
        if (chosen == null) {
            LOG.severe("No admin account exists and MERCATO_ADMIN_PASSWORD is not set: "
                    + "set it (and MERCATO_ADMIN_EMAIL) and restart to create the first admin");
            return;
        }
        accountService.createStaff(email, chosen, "Administrator", Set.of(Role.ADMIN, Role.STAFF));
        // the launcher shows lines with this marker to the person who started Mercato (and, in embedded mode,
        // the password it generated); the password itself never reaches a log
        LOG.warning("MERCATO-NOTICE first admin account created: " + email);
    }
}
