package org.mercato.payment.interfaces;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mercato.payment.domain.PaymentSearch;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.web.Sorting;
import org.mercato.platform.web.TimeWindow;

/**
 * The parameters of the staff's list of payments ({@code GET /payments/api/payments} without {@code orderId}), read
 * into a {@link PaymentSearch}; a bad value is a 400 problem naming its parameter.
 * <ul>
 * <li>{@code status}: one or more {@link PaymentStatus} names, exactly, separated by commas
 * ({@code DECLINED,FAILED}); a card the issuer refused (tok_chargeDeclined) is DECLINED</li>
 * <li>{@code from}, {@code to}: created within, see {@link TimeWindow}</li>
 * <li>{@code sort}: {@code created}, {@code amount} or {@code status}, {@code -} before it for descending; default
 * {@code -created}</li>
 * </ul>
 */
public final class PaymentListParameters {

    static final List<String> SORT_KEYS = List.of("created", "amount", "status");
    static final String DEFAULT_SORT = "-created";

    private PaymentListParameters() {
    }

    /** @throws ProblemException 400 naming {@code status}, {@code from}, {@code to} or {@code sort} */
    public static PaymentSearch read(String status, String from, String to, String sort) {
        Set<PaymentStatus> statuses = status == null ? Set.of() : statuses(status);
        TimeWindow window = TimeWindow.of(from, to);
        Sorting sorting = Sorting.parse(sort, SORT_KEYS, DEFAULT_SORT);
        return new PaymentSearch(statuses, window.from(), window.to(), new PaymentSearch.Sort(PaymentSearch.SortKey
                .valueOf(sorting.key().toUpperCase(Locale.ROOT)), sorting.descending()));
    }

    private static Set<PaymentStatus> statuses(String value) {
        Set<PaymentStatus> statuses = EnumSet.noneOf(PaymentStatus.class);
        for (String name : value.split(",", -1)) {
            try {
                statuses.add(PaymentStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw invalid("status", "must be one or more of " + String.join(", ", EnumSet.allOf(
                        PaymentStatus.class).stream().map(Enum::name).toList()) + ", separated by commas");
            }
        }
        return statuses;
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", field + " " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
