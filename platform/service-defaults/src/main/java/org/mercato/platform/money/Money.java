package org.mercato.platform.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount in integer minor units of an ISO 4217 currency ({@code 1999 EUR} is 19.99 EUR), never a double. In
 * JSON: {@code {"amount": 1999, "currency": "EUR"}}. The currency is an upper-case ISO 4217 code (ISO 4217 writes
 * them so; {@code eur} is refused, not guessed). No amount's magnitude passes {@link #MAX_AMOUNT}, and sums and
 * products are overflow-checked: past it they throw {@link MoneyLimitException} (a 422), never wrap round.
 */
public record Money(long amount, String currency) {

    /** Largest magnitude of any amount, in minor units (about 10^15: far above any price, line or order). */
    public static final long MAX_AMOUNT = 999_999_999_999_999L;

    /**
     * @throws IllegalArgumentException when the currency is not an upper-case ISO 4217 code
     * @throws MoneyLimitException when the amount's magnitude passes {@link #MAX_AMOUNT}
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!isCurrency(currency)) {
            throw new IllegalArgumentException("unknown currency " + currency.replaceAll("[^A-Za-z0-9]", "?")
                    + ": use an upper-case ISO 4217 code such as EUR");
        }
        if (amount > MAX_AMOUNT || amount < -MAX_AMOUNT) {
            throw new MoneyLimitException("an amount must be at most " + MAX_AMOUNT + " minor units");
        }
    }

    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** @throws MoneyLimitException when the sum passes {@link #MAX_AMOUNT} */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    /** @throws MoneyLimitException when the product passes {@link #MAX_AMOUNT} */
    public Money times(int quantity) {
        try {
            return new Money(Math.multiplyExact(amount, quantity), currency);
        } catch (ArithmeticException overflow) {
            throw new MoneyLimitException("an amount must be at most " + MAX_AMOUNT + " minor units");
        }
    }

    public boolean isNegative() {
        return amount < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }
}
