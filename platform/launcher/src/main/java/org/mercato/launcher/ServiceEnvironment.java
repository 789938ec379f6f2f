package org.mercato.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every WAR learns about its surroundings, as MicroProfile Config environment variables: the same keys in
 * embedded mode (one Payara with every WAR) and in cluster mode (a Payara per WAR instance).
 *
 * @param mode {@code embedded} or {@code cluster} (MERCATO_MODE)
 * @param databasePort PostgreSQL on 127.0.0.1
 * @param passwords each service database's login password, by database name
 * @param brokers the Artemis broker, then its backup (the broker itself when there is none), as host:port
 * @param brokerHa whether the brokers are a replicating primary/backup pair (the clients fail over)
 * @param apiBaseUrl where the services reach each other and the JWKS (the instance itself, or the gateway)
 * @param mailPort the SMTP server on 127.0.0.1
 */
record ServiceEnvironment(String mode, int databasePort, Map<String, String> passwords, List<String> brokers,
        boolean brokerHa, String apiBaseUrl, String adminEmail, Optional<String> adminPassword,
        String ordersServiceSecret, int mailPort) {

    /**
     * The variables for an instance running {@code services} ({@code MERCATO_INSTANCE_SERVICES} lists those with a
     * readiness check, so the instance is ready only once all of them started).
     */
    Map<String, String> forInstance(List<Service> services, List<Service> all) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MERCATO_MODE", mode);
        env.put("MERCATO_INSTANCE_SERVICES", String.join(",", services.stream()
                .filter(service -> service.readinessCheck() != null)
                .map(service -> service.readinessCheck().substring(0, service.readinessCheck().indexOf('-')))
                .toList()));
        env.put("MERCATO_DB_HOST", "127.0.0.1");
        env.put("MERCATO_DB_PORT", Integer.toString(databasePort));
        for (Service service : all) {
            if (service.hasDatabase()) {
                env.put(service.envPrefix() + "NAME", service.database());
                env.put(service.envPrefix() + "USER", service.database());
                env.put(service.envPrefix() + "PASSWORD", passwords.get(service.database()));
            }
        }
        String primary = brokers.get(0);
        String backup = brokers.size() > 1 ? brokers.get(1) : primary;
        env.put("MERCATO_BROKER_HOST", host(primary));
        env.put("MERCATO_BROKER_PORT", port(primary));
        env.put("MERCATO_BROKER_BACKUP_HOST", host(backup));
        env.put("MERCATO_BROKER_BACKUP_PORT", port(backup));
        env.put("MERCATO_BROKER_HA", Boolean.toString(brokerHa));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", apiBaseUrl + "/users/api/jwks");
        env.put("MERCATO_API_BASE_URL", apiBaseUrl);
        env.put("MERCATO_ADMIN_EMAIL", adminEmail);
        adminPassword.ifPresent(password -> env.put("MERCATO_ADMIN_PASSWORD", password));
        env.put("MERCATO_SERVICE_CLIENTS_ORDERS_SECRET", ordersServiceSecret);
        env.put("MERCATO_MAIL_HOST", "127.0.0.1");
        env.put("MERCATO_MAIL_PORT", Integer.toString(mailPort));
        // the demo warehouse picks, packs and dispatches an order staff left alone for a minute, so a shopper sees
        // it ship; staff have that minute to do it themselves from the console (0: staff only)
        env.put("MERCATO_FULFILLMENT_AUTO_DISPATCH_SECONDS", "60");
        // a shop to look at from the first start; an existing catalog is never touched
        env.put("MERCATO_CATALOG_DEMO_PRODUCTS", "2000");
        env.put("MERCATO_INVENTORY_DEMO_STOCK", "true");
        return env;
    }

    private static String host(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    private static String port(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }
}
