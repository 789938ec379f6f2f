package org.mercato.launcher;

import java.util.List;
import java.util.Locale;

/**
 * A WAR the platform runs: its file, its context root, the database it owns (if any) and the readiness check it
 * registers. The one list of what embedded mode starts.
 */
public record Service(String war, String contextRoot, String database, String readinessCheck) {

    public static final List<Service> ALL = List.of(
            new Service("users.war", "/users", "users", "users-database"),
            new Service("catalog.war", "/catalog", "catalog", "catalog-database"),
            new Service("inventory.war", "/inventory", "inventory", "inventory-database"),
            new Service("orders.war", "/orders", "orders", "orders-database"),
            new Service("cart.war", "/cart", null, "cart-grid"),
            new Service("payments.war", "/payments", "payments", "payments-database"),
            new Service("notifications.war", "/notifications", "notifications", "notifications-database"),
            new Service("fulfillment.war", "/fulfillment", "fulfillment", "fulfillment-database"),
            new Service("analytics.war", "/analytics", "analytics", "analytics-database"),
            new Service("admin.war", "/admin", null, null),
            new Service("ROOT.war", "/", null, null));

    /** The service's prefix in configuration keys, e.g. {@code mercato.users.db.password}. */
    public String configName() {
        return contextRoot.substring(1).toLowerCase(Locale.ROOT);
    }

    /** MicroProfile Config reads {@code mercato.users.db.password} from MERCATO_USERS_DB_PASSWORD. */
    public String envPrefix() {
        return "MERCATO_" + configName().toUpperCase(Locale.ROOT) + "_DB_";
    }

    public boolean hasDatabase() {
        return database != null;
    }
}
