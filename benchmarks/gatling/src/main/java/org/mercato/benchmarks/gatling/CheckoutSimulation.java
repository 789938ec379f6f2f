package org.mercato.benchmarks.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Checkout: a new customer registers, signs in, fills a cart and places an order with an Idempotency-Key. Arrivals per second as set by {@code mercato.bench.usersPerSecond}. */
public class CheckoutSimulation extends MercatoSimulation {

    public CheckoutSimulation() {
        Journeys journeys = new Journeys(settings, ShopData.stocked(settings));
        run(journeys, arrivals(scenario("checkout").exec(journeys.checkout())));
    }
}
