package org.mercato.cart.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.hazelcast.core.HazelcastInstance;

/** Carts live only in the data grid: the cart service is ready when this instance's grid member runs. */
@Readiness
@ApplicationScoped
public class CartGridReadiness implements HealthCheck {

    @Inject
    HazelcastInstance grid;

    @Override
    public HealthCheckResponse call() {
        try {
            boolean running = grid.getLifecycleService().isRunning();
            return HealthCheckResponse.named("cart-grid").status(running)
                    .withData("members", grid.getCluster().getMembers().size()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("cart-grid").down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
