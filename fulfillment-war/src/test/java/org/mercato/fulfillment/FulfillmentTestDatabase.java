package org.mercato.fulfillment;

import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.mercato.fulfillment.application.FulfillmentService;
import org.mercato.fulfillment.infrastructure.JpaShipmentRepository;
import org.mercato.fulfillment.infrastructure.OutboxShipmentEvents;
import org.mercato.messaging.outbox.OutboxForTests;
import org.mercato.platform.testing.PostgresUnit;

/**
 * Runs fulfillment use cases against a real PostgreSQL migrated by the service's own scripts (and the messaging
 * jar's outbox and processed_event tables), each call in its own transaction as the container does, with the
 * real outbox: the events a call publishes are rows to read back.
 */
public final class FulfillmentTestDatabase implements AutoCloseable {

    public final PostgresUnit db;
    /** The clock the next service works with; tests move it to place shipments in time. */
    public volatile Clock clock = Clock.systemUTC();

    public FulfillmentTestDatabase() throws Exception {
        db = PostgresUnit.start("fulfillment-it", "fulfillment", FulfillmentTestDatabase.class.getClassLoader());
    }

    public FulfillmentService service(EntityManager em) {
        Clock now = clock;
        return new FulfillmentService(new JpaShipmentRepository(em),
                new OutboxShipmentEvents(OutboxForTests.over(em, now)), now, "Mercato Post");
    }

    public <T> T inTransaction(Function<FulfillmentService, T> work) {
        return withEntityManager(em -> work.apply(service(em)));
    }

    public <T> T withEntityManager(Function<EntityManager, T> work) {
        List<T> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(work.apply(em)));
        return result.get(0);
    }

    public long count(String sql, Object... parameters) {
        return withEntityManager(em -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The outbox rows of one event type about one order, oldest first: [topic, schema_version, payload]. */
    public List<OutboxRow> outbox(String eventType, String orderId) {
        return withEntityManager(em -> {
            List<OutboxRow> rows = new ArrayList<>();
            for (Object row : em.createNativeQuery("select topic, schema_version, payload from outbox_message"
                    + " where event_type = ?1 and payload::jsonb ->> 'orderId' = ?2 order by occurred_at, id")
                    .setParameter(1, eventType).setParameter(2, orderId).getResultList()) {
                Object[] columns = (Object[]) row;
                rows.add(new OutboxRow((String) columns[0], ((Number) columns[1]).intValue(),
                        Json.createReader(new StringReader((String) columns[2])).readObject()));
            }
            return rows;
        });
    }

    public record OutboxRow(String topic, int schemaVersion, JsonObject body) {
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
