package org.mercato.user.interfaces;

import java.util.List;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.user.domain.AccountSearch;
import org.mercato.user.domain.Role;

/** Reads the account search's query parameters; a bad value is a 400 naming its parameter. */
final class AccountQueries {

    private AccountQueries() {
    }

    /**
     * @param role {@code customer}, {@code staff}, {@code admin}; null or empty: any
     * @param locked {@code true}, {@code false}; null or empty: both
     * @param sort {@code email}, {@code name}, {@code created}, each optionally after {@code -} (descending); null or
     *            empty: {@value AccountResource#DEFAULT_SORT}
     * @throws ProblemException 400 naming the parameter
     */
    static AccountSearch search(String text, String role, String locked, String sort) {
        return new AccountSearch(text, role(role), locked(locked), sortKey(sort), descending(sort));
    }

    private static Role role(String role) {
        if (role == null || role.isEmpty()) {
            return null;
        }
        return switch (role) {
            case "customer" -> Role.CUSTOMER;
            case "staff" -> Role.STAFF;
            case "admin" -> Role.ADMIN;
            default -> throw invalid("role", "must be customer, staff or admin");
        };
    }

    private static Boolean locked(String locked) {
        if (locked == null || locked.isEmpty()) {
            return null;
        }
        return switch (locked) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid("locked", "must be true or false");
        };
    }

    private static AccountSearch.SortKey sortKey(String sort) {
        String key = sort == null || sort.isEmpty() ? AccountResource.DEFAULT_SORT : sort;
        return switch (key.startsWith("-") ? key.substring(1) : key) {
            case "email" -> AccountSearch.SortKey.EMAIL;
            case "name" -> AccountSearch.SortKey.NAME;
            case "created" -> AccountSearch.SortKey.CREATED;
            default -> throw invalid("sort", "must be email, name or created, with - first for descending");
        };
    }

    private static boolean descending(String sort) {
        return (sort == null || sort.isEmpty() ? AccountResource.DEFAULT_SORT : sort).startsWith("-");
    }

    private static ProblemException invalid(String parameter, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", parameter + " " + message)
                .withErrors(List.of(new Problem.FieldError(parameter, message))));
    }
}
