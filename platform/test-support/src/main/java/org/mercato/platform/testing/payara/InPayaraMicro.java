package org.mercato.platform.testing.payara;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An in-container test of one service: a real PostgreSQL and Artemis broker are started first
 * ({@link PayaraMicroPlatform}), then Arquillian's Payara Micro adapter boots Payara with the Artemis resource
 * adapter, the connection factories and the service's JDBC pool (the post-boot files the launcher and the images
 * run) and deploys the class's {@code @Deployment}. The test acts from outside, as a client: JMS on the broker,
 * SQL on the database, HTTP on {@link PayaraMicroPlatform#baseUrl()}.
 * <p>
 * The platform's extension is registered before Arquillian's on purpose: Arquillian reads its configuration
 * (arquillian.xml, with the ports and files the platform chose) in its own first callback.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PayaraMicroPlatform.class)
@ExtendWith(ArquillianExtension.class)
public @interface InPayaraMicro {

    /**
     * The service's configuration name: its post-boot file {@code docker/payara/postboot/<name>.asadmin} and its
     * settings {@code mercato.<name>.db.*} ({@code fulfillment}, {@code orders}, {@code payments}...).
     */
    String value();

    /**
     * Settings the WAR reads through MicroProfile Config, as {@code key=value} (passed as JVM options); a value may
     * name a free port as {@code {port:<name>}}, which the test reads with {@link PayaraMicroPlatform#port}. No
     * spaces, {@code <} or {@code &}: the options reach Payara through arquillian.xml, split at spaces.
     */
    String[] settings() default {};

    /**
     * Whether the service has a PostgreSQL database (a JDBC pool from its post-boot file); false for one that keeps
     * its state elsewhere (the cart, in the data grid).
     */
    boolean database() default true;
}
