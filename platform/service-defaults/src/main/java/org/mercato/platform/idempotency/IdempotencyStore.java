package org.mercato.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mercato.platform.persistence.ServiceDatabase;

/**
 * The service's {@code idempotency_key} table (created by the platform's own migration). Each call is a short
 * transaction of its own, committed before the request's work runs or after it ended: no transaction is held
 * across the work. The primary key (caller, key) decides races between two requests with one key.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IdempotencyStore {

    /** A key's row: the fingerprint of its request and, once done, the answer to replay. */
    public record Entry(String requestHash, boolean done, int status, String body, String location) {
    }

    /**
     * Claims a key for a request.
     *
     * @return empty when the key is new and now claimed; else the earlier request's entry
     */
    public Optional<Entry> claim(String caller, String key, String requestHash) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into idempotency_key (caller,"
                        + " idem_key, request_hash, state) values (?, ?, ?, 'RUNNING') on conflict do nothing")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, requestHash);
            if (insert.executeUpdate() == 1) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement("select request_hash, state, status, body,"
                    + " location from idempotency_key where caller = ? and idem_key = ?")) {
                select.setString(1, caller);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // claimed and forgotten meanwhile (the first request failed): treat as running
                        return Optional.of(new Entry(requestHash, false, 0, null, null));
                    }
                    return Optional.of(new Entry(row.getString(1), "DONE".equals(row.getString(2)), row.getInt(3),
                            row.getString(4), row.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key table: " + e.getMessage(), e);
        }
    }

    /** Records the answer a replay of this key gets. */
    public void complete(String caller, String key, int status, String body, String location) {
        update("update idempotency_key set state = 'DONE', status = ?, body = ?, location = ? where caller = ? and"
                + " idem_key = ?", status, body, location, caller, key);
    }

    /** The request failed: the key is free again, so that the same request can be sent once more. */
    public void forget(String caller, String key) {
        update("delete from idempotency_key where caller = ? and idem_key = ? and state = 'RUNNING'", caller, key);
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key table: " + e.getMessage(), e);
        }
    }

    private static DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(ServiceDatabase.JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException("@Idempotent needs the service's database", e);
        }
    }
}
