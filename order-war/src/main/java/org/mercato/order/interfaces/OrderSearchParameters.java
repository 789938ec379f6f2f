package org.mercato.order.interfaces;

import java.util.List;
import java.util.Locale;

import org.mercato.order.domain.OrderSearch;
import org.mercato.order.domain.OrderStatus;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.web.Sorting;
import org.mercato.platform.web.TimeWindow;

/**
 * The search parameters of {@code GET /orders/api/orders}, read into an {@link OrderSearch}: each value checked, a
 * bad one a 400 problem naming its parameter (nothing is searched then).
 * <ul>
 * <li>{@code q}: an order number, the whole id or its first 4 or more characters (hex digits, with the id's dashes
 * where it has them), any case, surrounding spaces ignored</li>
 * <li>{@code email}: the start of the customer's email, any case (a whole address matches itself and any longer
 * address that starts with it), at most 320 characters</li>
 * <li>{@code from}, {@code to}: created within, see {@link TimeWindow}</li>
 * <li>{@code sort}: {@code created}, {@code total} or {@code status}, {@code -} before it for descending; default
 * {@code -created}</li>
 * </ul>
 */
public final class OrderSearchParameters {

    /** The keys of {@code ?sort=}, in the API's words. */
    static final List<String> SORT_KEYS = List.of("created", "total", "status");
    static final String DEFAULT_SORT = "-created";

    private OrderSearchParameters() {
    }

    /**
     * @param status the status filter, already converted by JAX-RS (or null)
     * @throws ProblemException 400 naming {@code q}, {@code email}, {@code from}, {@code to} or {@code sort}
     */
    public static OrderSearch read(OrderStatus status, String q, String email, String from, String to,
            String sort) {
        OrderSearch search = OrderSearch.all().withStatus(status);
        if (q != null) {
            String prefix = q.strip().toLowerCase(Locale.ROOT);
            if (!OrderSearch.isIdPrefix(prefix)) {
                throw invalid("q", "must be an order number: the whole id or its first " + OrderSearch.MIN_ID_PREFIX
                        + " or more characters (hex digits, and the id's dashes where it has them)");
            }
            search = search.withIdPrefix(prefix);
        }
        if (email != null) {
            String prefix = email.strip().toLowerCase(Locale.ROOT);
            if (prefix.isEmpty() || prefix.length() > OrderSearch.MAX_EMAIL) {
                throw invalid("email", "must be the start of an email address, 1 to " + OrderSearch.MAX_EMAIL
                        + " characters");
            }
            search = search.withEmailPrefix(prefix);
        }
        TimeWindow window = TimeWindow.of(from, to);
        Sorting sorting = Sorting.parse(sort, SORT_KEYS, DEFAULT_SORT);
        return search.createdBetween(window.from(), window.to()).sortedBy(new OrderSearch.Sort(OrderSearch.SortKey
                .valueOf(sorting.key().toUpperCase(Locale.ROOT)), sorting.descending()));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", field + " " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
