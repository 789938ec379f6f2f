package org.mercato.notification.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.mercato.notification.domain.Email;
import org.mercato.notification.domain.EmailRepository;

/**
 * Emails in PostgreSQL. A new email is inserted with ON CONFLICT on its event id, so a second delivery of an event
 * racing the first cannot queue a second email; due emails are claimed FOR UPDATE SKIP LOCKED.
 */
@ApplicationScoped
public class JpaEmailRepository implements EmailRepository {

    @PersistenceContext
    EntityManager em;

    protected JpaEmailRepository() {
        // for CDI
    }

    public JpaEmailRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean add(Email e) {
        return em.createNativeQuery("insert into email (id, kind, order_id, event_id, recipient, subject, text_body,"
                + " html_body, status, attempts, next_attempt_at, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) on conflict (event_id) do nothing")
                .setParameter(1, e.id()).setParameter(2, e.kind().name()).setParameter(3, e.orderId())
                .setParameter(4, e.eventId()).setParameter(5, e.recipient()).setParameter(6, e.subject())
                .setParameter(7, e.text()).setParameter(8, e.html()).setParameter(9, e.status().name())
                .setParameter(10, e.attempts()).setParameter(11, at(e.nextAttemptAt()))
                .setParameter(12, at(e.createdAt())).executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Email> claimDue(Instant now, int max) {
        return em.createNativeQuery("select * from email where status = 'PENDING' and next_attempt_at <= ?1"
                + " order by next_attempt_at, created_at limit ?2 for update skip locked", Email.class)
                .setParameter(1, at(now)).setParameter(2, max).getResultList();
    }

    @Override
    public Optional<Email> find(UUID id) {
        return Optional.ofNullable(em.find(Email.class, id));
    }

    @Override
    public List<Email> search(String orderId, String recipient, int offset, int limit) {
        return filtered("select e from Email e", orderId, recipient, " order by e.createdAt desc, e.id desc",
                Email.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String orderId, String recipient) {
        return filtered("select count(e) from Email e", orderId, recipient, "", Long.class).getSingleResult();
    }

    /** Only the filters given become conditions: a null bound to "is null" leaves PostgreSQL guessing its type. */
    private <T> TypedQuery<T> filtered(String select, String orderId, String recipient, String orderBy,
            Class<T> type) {
        StringBuilder jpql = new StringBuilder(select);
        String joiner = " where ";
        if (orderId != null) {
            jpql.append(joiner).append("e.orderId = :orderId");
            joiner = " and ";
        }
        if (recipient != null) {
            jpql.append(joiner).append("lower(e.recipient) = :recipient");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(orderBy).toString(), type);
        if (orderId != null) {
            query.setParameter("orderId", orderId);
        }
        if (recipient != null) {
            query.setParameter("recipient", recipient);
        }
        return query;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
