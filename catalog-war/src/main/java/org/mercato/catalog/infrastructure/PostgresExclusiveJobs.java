package org.mercato.catalog.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.mercato.catalog.application.ExclusiveJobs;
import org.mercato.platform.persistence.ServiceDatabase;

/**
 * {@link ExclusiveJobs} on PostgreSQL session-level advisory locks, keyed by {@code hashtextextended(job, 0)}: the
 * lock belongs to a connection held (outside any transaction) for as long as the work runs, so the database gives
 * it up by itself when the instance dies. Must be called outside a transaction, where the connection is not
 * enlisted.
 */
@ApplicationScoped
public class PostgresExclusiveJobs implements ExclusiveJobs {

    @Resource(lookup = ServiceDatabase.JNDI_NAME)
    DataSource database;

    public PostgresExclusiveJobs() {
    }

    /** Over a given data source: for tests outside the container. */
    public PostgresExclusiveJobs(DataSource database) {
        this.database = database;
    }

    @Override
    public <T> T exclusively(String job, Supplier<T> work) {
        return run(job, true, work).orElseThrow().value();
    }

    @Override
    public <T> Optional<T> ifFree(String job, Supplier<T> work) {
        return run(job, false, work).map(Done::value);
    }

    /** The work's result, which may be null. */
    private record Done<T>(T value) {
    }

    private <T> Optional<Done<T>> run(String job, boolean wait, Supplier<T> work) {
        try (Connection connection = database.getConnection()) {
            if (!lock(connection, job, wait)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Done<>(work.get()));
            } finally {
                try (PreparedStatement unlock = connection
                        .prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
                    unlock.setString(1, job);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take or give up the lock of job " + job + ": " + e, e);
        }
    }

    private static boolean lock(Connection connection, String job, boolean wait) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(wait
                ? "select true from pg_advisory_lock(hashtextextended(?, 0))"
                : "select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            lock.setString(1, job);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
