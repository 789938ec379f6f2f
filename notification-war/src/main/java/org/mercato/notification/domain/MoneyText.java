package org.mercato.notification.domain;

import org.mercato.platform.money.Money;

/**
 * Money as the emails write it: the ISO code, then the amount with the currency's own number of decimals
 * ({@code 41758 EUR} is "EUR 417.58", {@code 1500 JPY} is "JPY 1500"), the same in every shopper's language.
 */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(Money money) {
        return money.currency() + " " + org.mercato.platform.money.MoneyText.majorUnits(money.amount(), money
                .currency()).toPlainString();
    }
}
