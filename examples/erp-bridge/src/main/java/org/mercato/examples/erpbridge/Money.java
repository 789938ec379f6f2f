package org.mercato.examples.erpbridge;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money as Mercato's events carry it: whole minor units (cents for EUR) and an ISO 4217 currency code.
 *
 * @param amount
 *            minor units, never a fraction
 * @param currency
 *            ISO 4217 code, e.g. {@code EUR}
 */
record Money(long amount, String currency) {

    /** The amount in major units for a log line, e.g. {@code 417.58 EUR}; minor units when the currency is unknown. */
    String display() {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits >= 0) {
                return BigDecimal.valueOf(amount, digits).toPlainString() + " " + currency;
            }
        } catch (IllegalArgumentException unknownCurrency) {
            // shown as it came
        }
        return amount + " minor units " + currency;
    }
}
