package org.mercato.payment.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the staff's list of payments keeps, and in which order; every criterion optional, all of them together.
 *
 * @param statuses only payments in one of these statuses; any status when empty
 * @param createdFrom only payments created at or after this instant, or null
 * @param createdTo only payments created at or before this instant, or null
 * @param sort the order of the list; ties are broken by creation time, newest first, then by id
 */
public record PaymentSearch(Set<PaymentStatus> statuses, Instant createdFrom, Instant createdTo, Sort sort) {

    /** What a list is sorted by. */
    public enum SortKey {
        /** When the payment was asked for. */
        CREATED,
        /** The amount, minor units. */
        AMOUNT,
        /** The status's name, alphabetically. */
        STATUS
    }

    /** A sort key, ascending or descending. */
    public record Sort(SortKey key, boolean descending) {
        /** The default: newest first. */
        public static final Sort NEWEST_FIRST = new Sort(SortKey.CREATED, true);
    }

    public PaymentSearch {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        sort = sort == null ? Sort.NEWEST_FIRST : sort;
    }

    /** Every payment, newest first. */
    public static PaymentSearch all() {
        return new PaymentSearch(Set.of(), null, null, null);
    }

    /** Whether a payment passes every criterion (what the database's query selects, for fakes and checks). */
    public boolean matches(Payment payment) {
        return (statuses.isEmpty() || statuses.contains(payment.status()))
                && (createdFrom == null || !payment.createdAt().isBefore(createdFrom))
                && (createdTo == null || !payment.createdAt().isAfter(createdTo));
    }

    /** The list's order as a comparator (ties: newest first, then the id's text), as the database sorts. */
    public Comparator<Payment> comparator() {
        Comparator<Payment> primary = switch (sort.key()) {
            case CREATED -> Comparator.comparing(Payment::createdAt);
            case AMOUNT -> Comparator.comparingLong(p -> p.amount().amount());
            case STATUS -> Comparator.comparing(p -> p.status().name());
        };
        if (sort.descending()) {
            primary = primary.reversed();
        }
        Comparator<Payment> newestFirst = Comparator.comparing(Payment::createdAt, Comparator.reverseOrder());
        Comparator<String> idOrder = sort.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return primary.thenComparing(newestFirst).thenComparing(p -> p.id().toString(), idOrder);
    }
}
