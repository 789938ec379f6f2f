package org.mercato.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsMinorUnitsInAnUpperCaseCurrency() {
        Money price = new Money(1999, "EUR");
        assertEquals("EUR", price.currency());
        // ISO 4217 codes are upper case: "eur" is refused, not guessed
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "eur"));
        assertThrows(IllegalArgumentException.class, () -> new Money(1, " EUR"));
        assertEquals(new Money(3998, "EUR"), price.times(2));
        assertEquals(new Money(2998, "EUR"), price.plus(new Money(999, "EUR")));
    }

    @Test
    void refusesUnknownCurrenciesAndMixedAddition() {
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "XYZ"));
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "EURO"));
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "EUR").plus(new Money(1, "USD")));
        assertFalse(Money.isCurrency("ABC"));
        assertTrue(Money.isCurrency("JPY"));
    }

    @Test
    void overflowIsAnErrorNotAWrap() {
        assertThrows(MoneyLimitException.class, () -> new Money(Long.MAX_VALUE, "EUR"));
        assertThrows(MoneyLimitException.class, () -> new Money(Money.MAX_AMOUNT, "EUR").times(2));
        assertThrows(MoneyLimitException.class, () -> new Money(Money.MAX_AMOUNT, "EUR").times(Integer.MAX_VALUE));
        assertThrows(MoneyLimitException.class, () -> new Money(Money.MAX_AMOUNT, "EUR").plus(new Money(1, "EUR")));
        assertEquals(Money.MAX_AMOUNT, new Money(Money.MAX_AMOUNT - 1, "EUR").plus(new Money(1, "EUR")).amount());
    }
}
