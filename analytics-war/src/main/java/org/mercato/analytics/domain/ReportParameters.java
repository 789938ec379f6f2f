package org.mercato.analytics.domain;

import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.Money;

/** The other knobs of a report request, checked before any query runs. */
public final class ReportParameters {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    private ReportParameters() {
    }

    /**
     * The report's currency: the shop's ({@code mercato.shop.currency}) when none is asked for. Figures are never
     * mixed across currencies, and the shop sells in one, so reports are in that one only, as prices, orders and
     * charges are.
     *
     * @throws AnalyticsException naming {@code currency} when it is not an upper-case ISO 4217 code (400)
     * @throws CurrencyNotAcceptedException when it is a currency the shop does not sell in (422)
     */
    public static String currency(String value, String shopCurrency) {
        if (value == null || value.isEmpty()) {
            return shopCurrency;
        }
        if (!Money.isCurrency(value)) {
            throw AnalyticsException.invalid("currency", "must be an ISO 4217 code of 3 upper-case letters, not '"
                    + ReportPeriod.shorten(value) + "'");
        }
        if (!value.equals(shopCurrency)) {
            throw new CurrencyNotAcceptedException(value, shopCurrency);
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
            throw AnalyticsException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                    + ReportPeriod.shorten(value) + "'");
        }
        return limit;
    }
}
