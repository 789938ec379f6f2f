package org.mercato.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The memory an embedded platform holds, per process kind, in bytes of proportional set size (PSS, from
 * {@code /proc/<pid>/smaps_rollup}): a page shared by several processes (PostgreSQL's shared buffers, mapped by
 * every one of its backends) counts once in the sum, split between them, where summing their resident sizes (RSS)
 * would count it once per process.
 *
 * @param launcher the launcher's JVM, which also runs Artemis and the mail catcher
 * @param payara the Payara Micro JVM with every service
 * @param postgres every PostgreSQL process together
 * @param other any other process under the launcher
 */
public record PlatformMemory(long launcher, long payara, long postgres, long other) {

    /** Bytes in all. */
    public long total() {
        return launcher + payara + postgres + other;
    }

    /**
     * PSS of the launcher and every process under it, told apart by their executable, and of PostgreSQL's server
     * ({@code postmaster}, which runs detached from the launcher) with every process under it, each process once.
     */
    static PlatformMemory of(ProcessHandle launcherProcess, Optional<ProcessHandle> postmaster) {
        Set<Long> database = new HashSet<>();
        long postgres = 0;
        if (postmaster.isPresent()) {
            List<ProcessHandle> tree = new ArrayList<>(postmaster.get().descendants().toList());
            tree.add(postmaster.get());
            for (ProcessHandle process : tree) {
                if (database.add(process.pid())) {
                    postgres += proportionalBytes(process.pid());
                }
            }
        }
        long payara = 0;
        long other = 0;
        for (ProcessHandle process : launcherProcess.descendants().filter(p -> !database.contains(p.pid()))
                .toList()) {
            String command = process.info().command().orElse("");
            long bytes = proportionalBytes(process.pid());
            if (command.endsWith("/postgres") || command.endsWith("/postmaster")) {
                postgres += bytes;
            } else if (command.endsWith("/java")) {
                payara += bytes;
            } else {
                other += bytes;
            }
        }
        return new PlatformMemory(proportionalBytes(launcherProcess.pid()), payara, postgres, other);
    }

    /** PSS of one process; its RSS on a kernel without smaps_rollup (before Linux 4.14); 0 once it has ended. */
    static long proportionalBytes(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            Path rollup = proc.resolve("smaps_rollup");
            if (Files.isReadable(rollup)) {
                return kilobytes(rollup, "Pss:") * 1024;
            }
            return kilobytes(proc.resolve("status"), "VmRSS:") * 1024;
        } catch (IOException gone) {
            // the process ended meanwhile
            return 0;
        }
    }

    private static long kilobytes(Path file, String field) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(field)).findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]",
                    ""))).orElse(0L);
        }
    }

    /** "1.52 GB: Payara 1.10, PostgreSQL 0.21, launcher (Artemis) 0.21" */
    String describe() {
        String parts = String.format(Locale.ROOT, "Payara %.2f, PostgreSQL %.2f, launcher with Artemis %.2f",
                payara / 1e9, postgres / 1e9, launcher / 1e9);
        if (other > 0) {
            parts += String.format(Locale.ROOT, ", other %.2f", other / 1e9);
        }
        return String.format(Locale.ROOT, "**%.2f GB** (%s)", total() / 1e9, parts);
    }

    /** The JSON fields of a results line: {@code "residentBytes":N,"payaraBytes":N,...} */
    String jsonFields() {
        return String.format(Locale.ROOT, "\"residentBytes\":%d,\"payaraBytes\":%d,\"postgresBytes\":%d,"
                + "\"launcherBytes\":%d,\"otherBytes\":%d", total(), payara, postgres, launcher, other);
    }
}
