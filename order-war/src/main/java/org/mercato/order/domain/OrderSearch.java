package org.mercato.order.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a list of orders keeps, and in which order: every criterion optional (null), all of them together.
 *
 * @param customerId only this customer's orders (the token's subject); every customer's when null
 * @param status only orders in this status
 * @param idPrefix only orders whose id, as text in lower case ({@code 3f2a9c1b-...}), starts with this; see
 *            {@link #isIdPrefix}
 * @param emailPrefix only orders whose customer email starts with this, ignoring case (lower case here)
 * @param createdFrom only orders created at or after this instant
 * @param createdTo only orders created at or before this instant
 * @param sort the order of the list; ties are broken by creation time, newest first, then by id
 */
public record OrderSearch(String customerId, OrderStatus status, String idPrefix, String emailPrefix,
        Instant createdFrom, Instant createdTo, Sort sort) {

    /** The shortest id prefix searched for: shorter ones match too much to be an order number. */
    public static final int MIN_ID_PREFIX = 4;
    /** The longest customer email (the column's length). */
    public static final int MAX_EMAIL = 320;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What a list is sorted by. */
    public enum SortKey {
        /** When the order was placed. */
        CREATED,
        /** The order's total, minor units (one shop currency). */
        TOTAL,
        /** The status's name, alphabetically (CANCELLED, DELIVERED, FAILED, ...). */
        STATUS
    }

    /** A sort key, ascending or descending. */
    public record Sort(SortKey key, boolean descending) {
        /** The default: newest first. */
        public static final Sort NEWEST_FIRST = new Sort(SortKey.CREATED, true);
    }

    /**
     * @throws IllegalArgumentException when {@code idPrefix} is not {@link #isIdPrefix} (in lower case) or
     *             {@code emailPrefix} is longer than {@value #MAX_EMAIL}; the caller checks its input first
     */
    public OrderSearch {
        if (idPrefix != null && !isIdPrefix(idPrefix)) {
            throw new IllegalArgumentException("not an order id prefix: " + idPrefix);
        }
        if (emailPrefix != null && (emailPrefix.length() > MAX_EMAIL || !emailPrefix.equals(emailPrefix
                .toLowerCase(Locale.ROOT)))) {
            throw new IllegalArgumentException("not a lower-case email prefix");
        }
        sort = sort == null ? Sort.NEWEST_FIRST : sort;
    }

    /** Every order, newest first. */
    public static OrderSearch all() {
        return new OrderSearch(null, null, null, null, null, null, null);
    }

    /** Only this customer's orders. */
    public OrderSearch ofCustomer(String customer) {
        return new OrderSearch(customer, status, idPrefix, emailPrefix, createdFrom, createdTo, sort);
    }

    public OrderSearch withStatus(OrderStatus wanted) {
        return new OrderSearch(customerId, wanted, idPrefix, emailPrefix, createdFrom, createdTo, sort);
    }

    public OrderSearch withIdPrefix(String prefix) {
        return new OrderSearch(customerId, status, prefix, emailPrefix, createdFrom, createdTo, sort);
    }

    public OrderSearch withEmailPrefix(String prefix) {
        return new OrderSearch(customerId, status, idPrefix, prefix, createdFrom, createdTo, sort);
    }

    /** Both bounds inclusive, either null for open. */
    public OrderSearch createdBetween(Instant from, Instant to) {
        return new OrderSearch(customerId, status, idPrefix, emailPrefix, from, to, sort);
    }

    public OrderSearch sortedBy(Sort order) {
        return new OrderSearch(customerId, status, idPrefix, emailPrefix, createdFrom, createdTo, order);
    }

    /**
     * Whether the text is the start of an order id as text, in lower case, at least {@value #MIN_ID_PREFIX}
     * characters: hex digits, with the dashes where a UUID has them ({@code 3f2a}, {@code 3f2a9c1b-7}, a whole id).
     */
    public static boolean isIdPrefix(String text) {
        if (text.length() < MIN_ID_PREFIX || text.length() > 36) {
            return false;
        }
        // the prefix completed with zeros must be a whole id in the canonical form
        return UUID_TEXT.matcher(text + "00000000-0000-0000-0000-000000000000".substring(text.length())).matches();
    }

    /** The smallest id that starts with the prefix (PostgreSQL orders uuids as their text in lower case). */
    public UUID lowestId() {
        return idPrefix == null
                ? null
                : UUID.fromString(idPrefix + "00000000-0000-0000-0000-000000000000"
                        .substring(idPrefix.length()));
    }

    /** The largest id that starts with the prefix. */
    public UUID highestId() {
        return idPrefix == null
                ? null
                : UUID.fromString(idPrefix + "ffffffff-ffff-ffff-ffff-ffffffffffff"
                        .substring(idPrefix.length()));
    }

    /** Whether an order passes every criterion (what the database's query selects, for fakes and checks). */
    public boolean matches(Order order) {
        return (customerId == null || customerId.equals(order.customerId()))
                && (status == null || status == order.status())
                && (idPrefix == null || order.id().toString().startsWith(idPrefix))
                && (emailPrefix == null || order.customer().email() != null && order.customer().email()
                        .toLowerCase(Locale.ROOT).startsWith(emailPrefix))
                && (createdFrom == null || !order.createdAt().isBefore(createdFrom))
                && (createdTo == null || !order.createdAt().isAfter(createdTo));
    }

    /** The list's order as a comparator (ties: newest first, then the id's text), as the database sorts. */
    public Comparator<Order> comparator() {
        Comparator<Order> primary = switch (sort.key()) {
            case CREATED -> Comparator.comparing(Order::createdAt);
            case TOTAL -> Comparator.comparingLong(o -> o.totals().total().amount());
            case STATUS -> Comparator.comparing(o -> o.status().name());
        };
        if (sort.descending()) {
            primary = primary.reversed();
        }
        Comparator<Order> newestFirst = Comparator.comparing(Order::createdAt, Comparator.reverseOrder());
        Comparator<String> idOrder = sort.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return primary.thenComparing(newestFirst).thenComparing(o -> o.id().toString(), idOrder);
    }
}
