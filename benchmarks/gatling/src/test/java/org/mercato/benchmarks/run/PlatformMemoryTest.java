package org.mercato.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PlatformMemoryTest {

    @Test
    void aProcessHoldsNoMoreProportionallyThanItsResidentSizeAndSomething() throws Exception {
        long pid = ProcessHandle.current().pid();
        long pss = PlatformMemory.proportionalBytes(pid);
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElseThrow();
        assertTrue(pss > 10_000_000, "a JVM holds more than 10 MB: " + pss);
        // shared pages (the JDK's libraries, mapped by other JVMs too) count in part only
        assertTrue(pss <= rss + 4_096_000, pss + " <= " + rss);
    }

    @Test
    void processesUnderTheLauncherAreCountedByKindAndSummed() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            PlatformMemory memory = PlatformMemory.of(ProcessHandle.current(), Optional.empty());
            assertTrue(memory.launcher() > 10_000_000, "this JVM stands for the launcher: " + memory.launcher());
            assertTrue(memory.other() > 0, "sleep is neither Payara nor PostgreSQL: " + memory.other());
            assertEquals(0, memory.postgres());
            assertEquals(memory.launcher() + memory.payara() + memory.postgres() + memory.other(), memory.total());
            assertTrue(memory.describe().contains("other"), memory.describe());
            assertTrue(memory.jsonFields().contains("\"residentBytes\":" + memory.total()), memory.jsonFields());
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDetachedServerAndItsProcessesCountAsPostgresOnce() throws Exception {
        // a process standing for the detached server: a shell whose own child is a sleep
        Process server = new ProcessBuilder("bash", "-c", "sleep 30 & wait").start();
        try {
            ProcessHandle handle = server.toHandle();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
                while (handle.children().findAny().isEmpty()) {
                    Thread.onSpinWait();
                }
            });
            PlatformMemory memory = PlatformMemory.of(ProcessHandle.current(), Optional.of(handle));
            long expected = PlatformMemory.proportionalBytes(handle.pid()) + handle.children()
                    .mapToLong(p -> PlatformMemory.proportionalBytes(p.pid())).sum();
            // the server is also under this JVM (its parent): counted once, as PostgreSQL, never also as other
            assertTrue(memory.postgres() > 0);
            assertTrue(Math.abs(memory.postgres() - expected) < 512 * 1024, memory.postgres() + " ~ " + expected);
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEndedProcessHoldsNothing() throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, PlatformMemory.proportionalBytes(child.pid()));
    }
}
