package org.mercato.platform.persistence;

/**
 * Each service declares its own database under this name in its web.xml ({@code <data-source>}).
 * java:app names are private to one application, so every WAR can use the same name even when they share one
 * Payara instance, and the shared health and migration code finds it without knowing the service.
 */
public final class ServiceDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/mercato";

    private ServiceDatabase() {
    }
}
