package org.mercato.benchmarks.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Guest carts: create, add two stocked SKUs, change a quantity, view the cart. Arrivals per second as set by {@code mercato.bench.usersPerSecond}. */
public class CartSimulation extends MercatoSimulation {

    public CartSimulation() {
        Journeys journeys = new Journeys(settings, ShopData.stocked(settings));
        run(journeys, arrivals(scenario("cart").exec(journeys.cart())));
    }
}
