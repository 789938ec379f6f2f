package org.mercato.notification.infrastructure;

import java.time.Duration;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;

/**
 * The SMTP server emails go to, from MicroProfile Config: in containers from the environment
 * ({@code MERCATO_MAIL_HOST}, {@code MERCATO_MAIL_PORT}, ...), nothing baked into the WAR but local defaults. A
 * username switches SMTP AUTH on; {@code starttls} requires an encrypted connection (no silent fallback to plain).
 */
public record MailSettings(String host, int port, String from, String username, String password, boolean starttls,
        Duration connectTimeout, Duration readTimeout) {

    static final String PREFIX = "mercato.mail.";

    public static MailSettings from(Config config) {
        return new MailSettings(
                config.getOptionalValue(PREFIX + "host", String.class).orElse("127.0.0.1"),
                config.getOptionalValue(PREFIX + "port", Integer.class).orElse(2525),
                config.getOptionalValue(PREFIX + "from", String.class).orElse("Mercato <shop@mercato.local>"),
                config.getOptionalValue(PREFIX + "username", String.class).orElse(null),
                config.getOptionalValue(PREFIX + "password", String.class).orElse(null),
                config.getOptionalValue(PREFIX + "starttls", Boolean.class).orElse(false),
                Duration.ofMillis(config.getOptionalValue(PREFIX + "connect-timeout-ms", Long.class).orElse(5000L)),
                Duration.ofMillis(config.getOptionalValue(PREFIX + "read-timeout-ms", Long.class).orElse(10000L)));
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** The Jakarta Mail session properties; the password is not among them (it is given at connect). */
    Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(readTimeout.toMillis()));
        properties.put("mail.smtp.auth", String.valueOf(authenticates()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
        if (starttls) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /** For the start-up log: never the password. */
    @Override
    public String toString() {
        return host + ":" + port + (starttls ? " with STARTTLS" : "") + (authenticates() ? " as " + username : "")
                + ", from " + from;
    }
}
