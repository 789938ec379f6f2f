package org.mercato.platform.web;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * The one paging contract of every Mercato list ({@code ?page=&size=}, answered as {@code {items, total, page,
 * size}}): {@code page} counts from 0, {@code size} is 1 to the list's maximum (at most {@value #MAX_SIZE}), and
 * {@code page * size} may not pass {@value #MAX_OFFSET} rows (deeper lists are read with filters, not by paging
 * through them). A value out of range is a 400 naming the parameter; a non-number is a 400 too (JAX-RS's own 404
 * for it is mapped by the problem mappers). A page past the end is a 200 with no items. Checked here rather than
 * with Bean Validation on the resource parameters: Payara's OpenAPI generator fails on {@code @Min}/{@code @Size}
 * there.
 */
public record Paging(int page, int size) {

    /** Largest page size of any list. */
    public static final int MAX_SIZE = 100;
    /** Largest number of rows skipped: {@code page * size} at most this. */
    public static final int MAX_OFFSET = 10_000;
    /** The page size when the request names none. */
    public static final int DEFAULT_SIZE = 20;

    /**
     * @param maxSize the list's own largest page (capped at {@link #MAX_SIZE})
     * @throws ProblemException 400 when page or size is out of range
     */
    public static Paging of(int page, int size, int maxSize) {
        int largest = Math.min(maxSize, MAX_SIZE);
        if (size < 1 || size > largest) {
            throw invalid("size", "must be between 1 and " + largest);
        }
        if (page < 0 || (long) page * size > MAX_OFFSET) {
            throw invalid("page", "must be between 0 and " + MAX_OFFSET / size + " for size " + size
                    + " (at most " + MAX_OFFSET + " rows are skipped)");
        }
        return new Paging(page, size);
    }

    /** The same with the list's default maximum page size {@link #MAX_SIZE}. */
    public static Paging of(int page, int size) {
        return of(page, size, MAX_SIZE);
    }

    /** Rows skipped before this page; never more than {@link #MAX_OFFSET}, so it cannot overflow. */
    public int offset() {
        return page * size;
    }

    /**
     * This page as every list answers it: {@code {items, total, page, size}}, {@code total} counting the rows of
     * the whole list (all pages).
     */
    public JsonObject answer(JsonArrayBuilder items, long total) {
        return Json.createObjectBuilder().add("items", items).add("total", total).add("page", page)
                .add("size", size).build();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", field + " " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
