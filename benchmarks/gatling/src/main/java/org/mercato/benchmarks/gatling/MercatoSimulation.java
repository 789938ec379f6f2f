package org.mercato.benchmarks.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * What every Mercato simulation shares: the settings from system properties ({@link BenchSettings}), an open
 * workload (new shoppers arrive at {@code usersPerSecond} per second, ramped up over {@code rampSeconds} seconds,
 * then steady for {@code durationSeconds} seconds, whatever the platform's speed), a run that stops by itself
 * within {@link BenchSettings#maxDuration()}, and the assertion that no request failed.
 */
public abstract class MercatoSimulation extends Simulation {

    /** The run's settings, read once when Gatling creates the simulation. */
    protected final BenchSettings settings = BenchSettings.fromSystemProperties();

    /** Sets the run up: the given populations, the HTTP protocol, the time limit and the assertions. */
    protected final void run(Journeys journeys, PopulationBuilder... populations) {
        System.out.println("[mercato-bench] " + getClass().getSimpleName() + " against " + settings.baseUrl() + ": "
                + settings.usersPerSecond() + " new shoppers/s, ramp " + settings.rampSeconds() + " s, steady "
                + settings.durationSeconds() + " s (stops after " + settings.maxDuration().toSeconds()
                + " s at most)");
        setUp(populations).protocols(journeys.protocol()).maxDuration(settings.maxDuration()).assertions(global()
                .allRequests().count().gt(0L), global().failedRequests().count().is(0L));
    }

    /** The open workload for one scenario: ramp, then steady arrivals (Poisson-like, randomized). */
    protected final PopulationBuilder arrivals(ScenarioBuilder scenario) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        double rate = settings.usersPerSecond();
        if (settings.rampSeconds() > 0) {
            steps.add(rampUsersPerSec(rate / 10).to(rate).during(settings.rampSeconds()));
        }
        steps.add(constantUsersPerSec(rate).during(settings.durationSeconds()).randomized());
        return scenario.injectOpen(steps);
    }

    /** One shopper through a journey at the start (the smoke test's guarantee that every journey ran). */
    protected static PopulationBuilder once(String name, ChainBuilder journey) {
        return io.gatling.javaapi.core.CoreDsl.scenario(name).exec(journey).injectOpen(atOnceUsers(1));
    }
}
