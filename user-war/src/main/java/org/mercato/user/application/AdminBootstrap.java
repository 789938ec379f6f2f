package org.mercato.user.application;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.Role;

/**
 * At first start there is nobody to run the shop: create the first admin from MERCATO_ADMIN_EMAIL and
 * MERCATO_ADMIN_PASSWORD (in embedded mode the launcher generates the password and prints it once).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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

    /** Runs once DatabaseMigrations has brought the schema up to date. */
    @PostConstruct
    void onStart() {
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
