package org.mercato.payment.domain;

import java.math.BigDecimal;
import java.util.Currency;

import org.mercato.platform.money.Money;

/**
 * Money as messages for people write it: major units with the currency's own decimals (ISO 4217 minor-unit digits),
 * then the code: {@code 846} EUR is "8.46 EUR", {@code 1500} JPY is "1500 JPY". Amounts stay in minor units in
 * every body and column; only text meant to be read goes through here.
 */
public final class MoneyText {

    private MoneyText() {
    }

    /** {@code minorUnits} of {@code currency} (an ISO 4217 code) as "8.46 EUR". */
    public static String of(long minorUnits, String currency) {
        // currencies without minor units of their own (XAU, XXX) report -1
        int decimals = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minorUnits, decimals).toPlainString() + " " + currency;
    }

    /** The money as "8.46 EUR". */
    public static String of(Money money) {
        return of(money.amount(), money.currency());
    }
}
