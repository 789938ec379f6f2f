package org.mercato.benchmarks.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Searching: suggestions while typing, a search with a typo (with facets), a refinement, a product found. Arrivals per second as set by {@code mercato.bench.usersPerSecond}. */
public class SearchSimulation extends MercatoSimulation {

    public SearchSimulation() {
        Journeys journeys = new Journeys(settings, null);
        run(journeys, arrivals(scenario("search").exec(journeys.search())));
    }
}
