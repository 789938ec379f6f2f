package org.mercato.benchmarks.gatling;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;

/**
 * The mixed shop workload: each arriving shopper takes one journey, 60 % browse, 25 % search, 12 % cart and 3 %
 * checkout ({@link Journeys#shop()}), at {@code mercato.bench.usersPerSecond} arrivals per second. The default of
 * {@code ./mercato bench} and the simulation of the smoke test (LoadSmokeIT, with {@code eachJourneyOnce}).
 */
public class ShopSimulation extends MercatoSimulation {

    public ShopSimulation() {
        Journeys journeys = new Journeys(settings, ShopData.stocked(settings));
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(arrivals(journeys.shop()));
        if (settings.eachJourneyOnce()) {
            populations.add(once("browse once", journeys.browse()));
            populations.add(once("search once", journeys.search()));
            populations.add(once("cart once", journeys.cart()));
            populations.add(once("checkout once", journeys.checkout()));
        }
        run(journeys, populations.toArray(PopulationBuilder[]::new));
    }
}
