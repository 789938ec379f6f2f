package org.mercato.inventory.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which stock levels (one per SKU and warehouse) a staff list shows, in what order, which page. Built with
 * {@link #of}, which refuses bad input with an {@link InvalidStockRequestException} naming the parameter.
 *
 * @param skuPrefix only SKUs starting with this (upper case), or null for all
 * @param warehouse only this warehouse's levels, or null for all
 * @param threshold the low-stock threshold: a level is low when fewer than this many units are available (the
 *        same rule as the StockLow event)
 * @param lowOnly only low levels
 * @param offset rows skipped; {@code limit} rows at most
 */
public record StockListQuery(String skuPrefix, String warehouse, int threshold, boolean lowOnly, Sort sort,
        boolean descending, int offset, int limit) {

    /** Largest threshold accepted: the most units a count may set. */
    public static final int MAX_THRESHOLD = 100_000;
    private static final Pattern SKU_PREFIX = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");
    private static final Pattern WAREHOUSE = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    /** What the list can be ordered by; ties are broken by SKU, then warehouse, ascending. */
    public enum Sort {
        SKU, AVAILABLE, ON_HAND;

        /** @return the sort for {@code sku}, {@code available} or {@code onHand}, or null for anything else */
        static Sort named(String name) {
            return switch (name) {
                case "sku" -> SKU;
                case "available" -> AVAILABLE;
                case "onHand" -> ON_HAND;
                default -> null;
            };
        }
    }

    /**
     * @param q a SKU prefix (letters are upper-cased), or null/blank for every SKU
     * @param sort {@code sku}, {@code available} or {@code onHand}, {@code -} in front for descending
     * @throws InvalidStockRequestException naming {@code q}, {@code warehouse}, {@code threshold} or {@code sort}
     */
    public static StockListQuery of(String q, String warehouse, Integer threshold, boolean lowOnly, String sort,
            int offset, int limit) {
        String prefix = q == null || q.isBlank() ? null : q.trim().toUpperCase(Locale.ROOT);
        if (prefix != null && !SKU_PREFIX.matcher(prefix).matches()) {
            throw new InvalidStockRequestException("q", "q must be the start of a SKU: 1 to 64 letters, digits,"
                    + " dots, hyphens or underscores");
        }
        String code = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        if (code != null && !WAREHOUSE.matcher(code).matches()) {
            throw new InvalidStockRequestException("warehouse", "warehouse must be a warehouse code (1 to 20"
                    + " letters, digits, hyphens or underscores)");
        }
        if (threshold == null || threshold < 1 || threshold > MAX_THRESHOLD) {
            throw new InvalidStockRequestException("threshold", "threshold must be between 1 and " + MAX_THRESHOLD);
        }
        String name = sort == null ? "sku" : sort.trim();
        boolean descending = name.startsWith("-");
        Sort order = Sort.named(descending ? name.substring(1) : name);
        if (order == null) {
            throw new InvalidStockRequestException("sort", "sort must be sku, available or onHand, with - in front"
                    + " for descending (-available)");
        }
        return new StockListQuery(prefix, code, threshold, lowOnly, order, descending, offset, limit);
    }

    /** Whether a level counts as low by this query's threshold. */
    public boolean isLow(StockLevel level) {
        return level.available() < threshold;
    }
}
