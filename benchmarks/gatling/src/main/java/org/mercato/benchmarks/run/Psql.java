package org.mercato.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A platform's PostgreSQL through Debian's client ({@code /usr/bin/psql}), as its superuser over loopback (the
 * embedded server trusts local connections), for the bench run's own queries: stock counts, commit counts, the
 * pgbench database.
 *
 * @param port the server's port (see {@link OwnPlatform#databasePort(Path)})
 */
record Psql(int port) {

    /** Debian's PostgreSQL client (package postgresql-client). */
    static final Path CLIENT = Path.of("/usr/bin/psql");

    /** Whether the client is installed. */
    static boolean installed() {
        return Files.isExecutable(CLIENT);
    }

    /** {@code -h 127.0.0.1 -p <port> -U postgres}, for psql and pgbench alike. */
    List<String> connection() {
        return List.of("-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres");
    }

    /**
     * Runs {@code sql} in database {@code db}, stopping at its first error.
     *
     * @return its output, unaligned and without headers, stripped
     * @throws IOException when psql fails (the output is in the message)
     */
    String run(String db, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLIENT.toString(), "-q", "-At", "-v", "ON_ERROR_STOP=1"));
        command.addAll(connection());
        command.addAll(List.of("-d", db, "-c", sql));
        return Baselines.command(command).strip();
    }

    /** The single number a query such as {@code select count(*) ...} answers. */
    long number(String db, String sql) throws IOException, InterruptedException {
        return Long.parseLong(run(db, sql));
    }
}
