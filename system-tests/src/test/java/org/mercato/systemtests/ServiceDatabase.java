package org.mercato.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of a service's database, to prove what a request did or did not store. */
final class ServiceDatabase {

    private final int port;
    private final String database;

    ServiceDatabase(int port, String database) {
        this.port = port;
        this.database = database;
    }

    static ServiceDatabase users() {
        return new ServiceDatabase(PlatformExtension.platform().databasePort(), "users");
    }

    static ServiceDatabase orders() {
        return new ServiceDatabase(PlatformExtension.platform().databasePort(), "orders");
    }

    static ServiceDatabase inventory() {
        return new ServiceDatabase(PlatformExtension.platform().databasePort(), "inventory");
    }

    static ServiceDatabase payments() {
        return new ServiceDatabase(PlatformExtension.platform().databasePort(), "payments");
    }

    static ServiceDatabase catalog() {
        return new ServiceDatabase(PlatformExtension.platform().databasePort(), "catalog");
    }

    /** A count; a {@code String[]} parameter is bound as an SQL array (for {@code = any(?)}). */
    long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String string(String sql) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long accounts() {
        return count("select count(*) from account");
    }

    /** The newest token-signing key as (kid, PKCS#8 private key). */
    Object[] newestSigningKey() {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select kid, private_key from signing_key order by created_at desc limit 1");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return new Object[]{result.getString(1), result.getBytes(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        // the embedded cluster's superuser, reachable only on loopback
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres",
                "postgres");
    }
}
