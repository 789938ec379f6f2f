package org.mercato.benchmarks.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Browsing: home page, categories and new arrivals, a category listing (24 products), two product pages. Arrivals per second as set by {@code mercato.bench.usersPerSecond}. */
public class BrowseSimulation extends MercatoSimulation {

    public BrowseSimulation() {
        Journeys journeys = new Journeys(settings, null);
        run(journeys, arrivals(scenario("browse").exec(journeys.browse())));
    }
}
