package org.mercato.catalog.application;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Port: work that one catalog instance at a time may do, however many run (seeding the demo catalog, rebuilding a
 * search index that the instances share). The lock is held for as long as the work runs and is given up when the
 * instance holding it dies.
 */
public interface ExclusiveJobs {

    /**
     * Runs {@code work} once no other instance runs a job of this name, waiting for that first.
     *
     * @throws IllegalStateException when the lock cannot be taken (the database is down)
     */
    <T> T exclusively(String job, Supplier<T> work);

    /**
     * Runs {@code work} unless another instance runs a job of this name right now.
     *
     * @return the work's result, or empty when another instance holds the job (or the work returned null)
     * @throws IllegalStateException when the lock cannot be taken (the database is down)
     */
    <T> Optional<T> ifFree(String job, Supplier<T> work);
}
