package org.mercato.platform.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in integer minor units of an ISO 4217 currency ({@code 1999 EUR} is 19.99 EUR), never a double. In
 * JSON: {@code {"amount": 1999, "currency": "EUR"}}.
 */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        currency = currency.trim().toUpperCase(Locale.ROOT);
        if (!isCurrency(currency)) {
            throw new IllegalArgumentException("unknown currency " + currency + ": use an ISO 4217 code");
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

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amount, quantity), currency);
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
