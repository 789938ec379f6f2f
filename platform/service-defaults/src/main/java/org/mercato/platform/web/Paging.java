package org.mercato.platform.web;

import java.util.List;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * Page and size from a list request's query, checked here rather than with Bean Validation on the resource
 * parameters: Payara's OpenAPI generator fails on {@code @Min}/{@code @Size} there.
 */
public record Paging(int page, int size) {

    public static Paging of(int page, int size, int maxSize) {
        if (page < 0 || size < 1 || size > maxSize) {
            throw new ProblemException(Problem.of(400, "validation", "Invalid request",
                    "page must be 0 or more and size between 1 and " + maxSize)
                    .withErrors(List.of(new Problem.FieldError(page < 0 ? "page" : "size",
                            page < 0 ? "must be greater than or equal to 0" : "must be between 1 and " + maxSize))));
        }
        return new Paging(page, size);
    }

    public int offset() {
        return page * size;
    }
}
