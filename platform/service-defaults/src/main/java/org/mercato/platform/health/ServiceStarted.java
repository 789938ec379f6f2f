package org.mercato.platform.health;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Records, for {@link InstanceReadinessCheck}, that this service's web module has started (its servlets and
 * JAX-RS resources are in place). The mark is a JVM system property because the services sharing one instance
 * share nothing else; it is removed when the service stops.
 */
@WebListener
public class ServiceStarted implements ServletContextListener {

    private static final String PREFIX = "mercato.started.";
    /** This WAR's service name (each WAR has its own copy of this class), read where its configuration is. */
    private static volatile String ownName = "service";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        serviceName().ifPresent(name -> {
            ownName = name;
            System.setProperty(PREFIX + name, "true");
        });
    }

    /** This service's name ({@code mercato.service.name}), as read when it started. */
    static String ownName() {
        return ownName;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        serviceName().ifPresent(name -> System.clearProperty(PREFIX + name));
    }

    static boolean hasStarted(String service) {
        return System.getProperty(PREFIX + service) != null;
    }

    private static java.util.Optional<String> serviceName() {
        return ConfigProvider.getConfig().getOptionalValue("mercato.service.name", String.class);
    }
}
