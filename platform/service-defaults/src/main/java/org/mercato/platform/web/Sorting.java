package org.mercato.platform.web;

import java.util.List;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * A list's {@code ?sort=} parameter: one of the list's keys, ascending, or with a {@code -} before it descending
 * ({@code -created} newest first). Ties are the list's own business (each list documents its tie-breaker).
 *
 * @param key one of the keys the list allows
 * @param descending true for a {@code -} prefix
 */
public record Sorting(String key, boolean descending) {

    /**
     * @param value the parameter as sent, or null for {@code byDefault}
     * @param keys the keys the list sorts by
     * @param byDefault the sort when none is asked for, e.g. {@code -created}
     * @throws ProblemException 400 naming {@code sort} when the value is not a key with or without {@code -}
     */
    public static Sorting parse(String value, List<String> keys, String byDefault) {
        String text = value == null ? byDefault : value;
        boolean descending = text.startsWith("-");
        String key = descending ? text.substring(1) : text;
        if (!keys.contains(key)) {
            String allowed = String.join(", ", keys);
            String message = "must be one of " + allowed + ", each with - before it for descending";
            throw new ProblemException(Problem.of(400, "validation", "Invalid request", "sort " + message)
                    .withErrors(List.of(new Problem.FieldError("sort", message))));
        }
        return new Sorting(key, descending);
    }
}
