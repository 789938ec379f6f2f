package org.mercato.platform.health;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the whole instance, named {@code <service>-deployment}: DOWN until every service this instance is
 * meant to run ({@code mercato.instance.services}, e.g. {@code users,catalog,...}; the launcher sets it) has
 * finished starting, so that a probe seeing UP can use every API. Without it Payara answers UP as soon as the first
 * WAR's checks are registered, while the others are still deploying. When the setting is empty (one WAR per
 * instance) only this service counts.
 */
@Readiness
@ApplicationScoped
public class InstanceReadinessCheck implements HealthCheck {

    @Inject
    @ConfigProperty(name = "mercato.instance.services")
    Optional<String> instanceServices;

    @Override
    public HealthCheckResponse call() {
        // the name as the service read it at start: health checks run on a thread that may not see its config
        String service = ServiceStarted.ownName();
        String configured = instanceServices.orElse("");
        List<String> expected = configured.isBlank()
                ? List.of(service)
                : Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<String> starting = expected.stream().filter(s -> !ServiceStarted.hasStarted(s)).toList();
        return HealthCheckResponse.named(service + "-deployment").status(starting.isEmpty())
                .withData("services", String.join(",", expected))
                .withData("starting", String.join(",", starting)).build();
    }
}
