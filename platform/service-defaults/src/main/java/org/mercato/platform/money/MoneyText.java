package org.mercato.platform.money;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Money as text for people: major units with the currency's own decimals (ISO 4217 minor-unit digits), so
 * {@code 846} EUR is "8.46 EUR" and {@code 1500} JPY is "1500 JPY". Amounts stay in minor units in every body, column
 * and event; only messages and emails meant to be read go through here.
 */
public final class MoneyText {

    private MoneyText() {
    }

    /**
     * @param minorUnits the amount in minor units
     * @param currency an ISO 4217 code
     * @return the amount in major units, e.g. {@code 8.46} for 846 EUR
     * @throws IllegalArgumentException for a code Java does not know
     */
    public static BigDecimal majorUnits(long minorUnits, String currency) {
        // currencies without minor units of their own (XAU, XXX) report -1
        int decimals = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minorUnits, decimals);
    }

    /** {@code minorUnits} of {@code currency} (an ISO 4217 code) as "8.46 EUR". */
    public static String of(long minorUnits, String currency) {
        return majorUnits(minorUnits, currency).toPlainString() + " " + currency;
    }

    /** The money as "8.46 EUR". */
    public static String of(Money money) {
        return of(money.amount(), money.currency());
    }
}
