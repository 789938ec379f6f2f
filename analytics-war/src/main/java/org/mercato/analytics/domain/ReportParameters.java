package org.mercato.analytics.domain;

import org.mercato.platform.money.Money;

/** The other knobs of a report request, checked before any query runs. */
public final class ReportParameters {

    public static final String DEFAULT_CURRENCY = "EUR";
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    private ReportParameters() {
    }

    /** An ISO 4217 code in upper case ({@code EUR}); figures are never mixed across currencies. */
    public static String currency(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_CURRENCY;
        }
        if (!Money.isCurrency(value)) {
            throw AnalyticsException.invalid("currency must be an ISO 4217 code of 3 upper-case letters, not '"
                    + ReportPeriod.shorten(value) + "'");
        }
        return value;
    }

    /** How many products a top list holds: 1 to {@value #MAX_LIMIT}. */
    public static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AnalyticsException.invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                    + ReportPeriod.shorten(value) + "'");
        }
        return limit;
    }
}
