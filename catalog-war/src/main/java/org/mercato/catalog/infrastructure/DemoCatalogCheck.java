package org.mercato.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.mercato.catalog.application.DemoCatalogSeeder;

/**
 * Readiness {@code catalog-demo-data}: DOWN while the demo catalog is seeded and indexed in the background (or
 * when that failed), so that a ready shop is a fully seeded one; UP otherwise, also when no demo catalog is
 * wanted. Its data say how far the seeding has come.
 */
@Readiness
@ApplicationScoped
public class DemoCatalogCheck implements HealthCheck {

    static final String NAME = "catalog-demo-data";

    @Inject
    DemoCatalogSeeder seeder;

    @Override
    public HealthCheckResponse call() {
        DemoCatalogSeeder.State state = seeder.state();
        boolean up = state == DemoCatalogSeeder.State.NOT_NEEDED || state == DemoCatalogSeeder.State.READY;
        var response = HealthCheckResponse.named(NAME).status(up).withData("state", state.name());
        if (state != DemoCatalogSeeder.State.NOT_NEEDED) {
            response.withData("seeded", seeder.seeded()).withData("products", seeder.wanted());
        }
        return response.build();
    }
}
