package org.mercato.notification.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.mercato.notification.domain.WebhookAttempt;
import org.mercato.notification.domain.WebhookDelivery;
import org.mercato.notification.domain.WebhookDeliveryStatus;
import org.mercato.notification.domain.WebhookEndpoint;
import org.mercato.notification.domain.WebhookRepository;

/**
 * Webhooks in PostgreSQL. Receipts and deliveries are inserted with ON CONFLICT, so two deliveries of one event
 * racing each other queue it once; due deliveries are claimed FOR UPDATE SKIP LOCKED; removing an endpoint removes
 * its deliveries and attempts by the tables' cascading keys.
 */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaWebhookRepository() {
        // for CDI
    }

    public JpaWebhookRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void addEndpoint(WebhookEndpoint endpoint) {
        em.persist(endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(UUID id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id));
    }

    @Override
    public List<WebhookEndpoint> endpoints(int offset, int limit) {
        return em.createQuery("select e from WebhookEndpoint e order by e.createdAt, e.id", WebhookEndpoint.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countEndpoints() {
        return em.createQuery("select count(e) from WebhookEndpoint e", Long.class).getSingleResult();
    }

    @Override
    public List<WebhookEndpoint> enabledEndpoints() {
        return em.createQuery("select e from WebhookEndpoint e where e.enabled = true", WebhookEndpoint.class)
                .getResultList();
    }

    @Override
    public void removeEndpoint(WebhookEndpoint endpoint) {
        em.createNativeQuery("delete from webhook_endpoint where id = ?1").setParameter(1, endpoint.id())
                .executeUpdate();
        em.detach(endpoint);
    }

    @Override
    public boolean firstReceipt(UUID eventId, String eventType, Instant now) {
        return em.createNativeQuery("insert into webhook_event (event_id, event_type, received_at) values (?1, ?2,"
                + " ?3) on conflict (event_id) do nothing").setParameter(1, eventId).setParameter(2, eventType)
                .setParameter(3, at(now)).executeUpdate() == 1;
    }

    @Override
    public boolean addDelivery(WebhookDelivery d) {
        return em.createNativeQuery("insert into webhook_delivery (id, endpoint_id, event_id, event_type, occurred_at,"
                + " schema_version, payload, status, attempts, attempts_before_window, next_attempt_at, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, 0, ?9, ?10) on conflict (endpoint_id, event_id) do"
                + " nothing").setParameter(1, d.id()).setParameter(2, d.endpointId()).setParameter(3, d.eventId())
                .setParameter(4, d.eventType()).setParameter(5, at(d.occurredAt())).setParameter(6, d
                        .schemaVersion())
                .setParameter(7, d.payload()).setParameter(8, d.status().name()).setParameter(9, at(d
                        .nextAttemptAt()))
                .setParameter(10, at(d.createdAt())).executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> claimDue(Instant now, int max) {
        return em.createNativeQuery("select d.* from webhook_delivery d join webhook_endpoint e on e.id ="
                + " d.endpoint_id where d.status = 'PENDING' and d.next_attempt_at <= ?1 and e.enabled"
                + " order by d.next_attempt_at, d.created_at limit ?2 for update of d skip locked",
                WebhookDelivery.class).setParameter(1, at(now)).setParameter(2, max).getResultList();
    }

    @Override
    public Optional<WebhookDelivery> lockDelivery(UUID id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<WebhookDelivery> delivery(UUID id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id));
    }

    @Override
    public void addAttempt(WebhookAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public List<WebhookDelivery> deliveries(UUID endpointId, WebhookDeliveryStatus status, int offset, int limit) {
        return filtered("select d from WebhookDelivery d", endpointId, status,
                " order by d.createdAt desc, d.id desc", WebhookDelivery.class).setFirstResult(offset).setMaxResults(
                        limit)
                .getResultList();
    }

    @Override
    public long countDeliveries(UUID endpointId, WebhookDeliveryStatus status) {
        return filtered("select count(d) from WebhookDelivery d", endpointId, status, "", Long.class)
                .getSingleResult();
    }

    @Override
    public Map<UUID, List<WebhookAttempt>> attempts(Collection<UUID> deliveryIds) {
        Map<UUID, List<WebhookAttempt>> byDelivery = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return byDelivery;
        }
        em.createQuery("select a from WebhookAttempt a where a.deliveryId in :ids order by a.attemptedAt desc, a.id",
                WebhookAttempt.class).setParameter("ids", List.copyOf(deliveryIds)).getResultList().forEach(
                        a -> byDelivery.computeIfAbsent(a.deliveryId(), id -> new java.util.ArrayList<>()).add(a));
        return byDelivery;
    }

    /** Only a given status becomes a condition: a null bound to "is null" leaves PostgreSQL guessing its type. */
    private <T> TypedQuery<T> filtered(String select, UUID endpointId, WebhookDeliveryStatus status, String orderBy,
            Class<T> type) {
        TypedQuery<T> query = em.createQuery(select + " where d.endpointId = :endpoint" + (status == null
                ? ""
                : " and d.status = :status") + orderBy, type).setParameter("endpoint", endpointId);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
