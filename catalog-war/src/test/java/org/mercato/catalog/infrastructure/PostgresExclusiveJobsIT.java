package org.mercato.catalog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.platform.testing.PostgresUnit;

/** One instance at a time runs a job, on a real PostgreSQL: the others wait, or are told it is taken. */
class PostgresExclusiveJobsIT {

    private static PostgresUnit db;
    private static PostgresExclusiveJobs jobs;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("catalog-it", "catalog", PostgresExclusiveJobsIT.class.getClassLoader());
        jobs = new PostgresExclusiveJobs(db.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aHeldJobIsRefusedOrWaitedForAndFreeAgainWhenDone() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Integer> holder = CompletableFuture.supplyAsync(() -> jobs.exclusively("seeding", () -> {
            held.countDown();
            try {
                assertTrue(finish.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return 1;
        }));
        assertTrue(held.await(10, TimeUnit.SECONDS));

        assertEquals(Optional.empty(), jobs.ifFree("seeding", () -> 2), "a held job is not free");
        assertEquals(Optional.of(3), jobs.ifFree("reindex", () -> 3), "another job is");

        AtomicBoolean waiterRan = new AtomicBoolean();
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> jobs.exclusively("seeding", () -> {
            waiterRan.set(true);
            return 4;
        }));
        // the waiter is seen waiting for the advisory lock in the database before it is checked not to have run
        db.awaitLockWaiter("advisory", Duration.ofSeconds(10));
        assertFalse(waiterRan.get(), "the second instance ran while the first held the job");

        finish.countDown();
        assertEquals(1, holder.get(10, TimeUnit.SECONDS));
        assertEquals(4, waiter.get(10, TimeUnit.SECONDS));
        assertEquals(Optional.of(5), jobs.ifFree("seeding", () -> 5), "given up when done");
    }

    @Test
    void aFailingJobGivesItsLockUp() {
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                () -> jobs.exclusively("import", () -> {
                    throw new IllegalArgumentException("bad file");
                }));
        assertEquals("bad file", failed.getMessage());
        assertEquals(Optional.of(6), jobs.ifFree("import", () -> 6));
    }

    @Test
    void aJobWithoutAResultRunsToo() {
        int[] ran = {0};
        assertNull(jobs.<Object>exclusively("seeding-without-result", () -> {
            ran[0]++;
            return null;
        }));
        assertEquals(1, ran[0]);
    }

}
