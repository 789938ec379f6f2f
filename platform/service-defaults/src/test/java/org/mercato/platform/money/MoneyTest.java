package org.mercato.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsMinorUnitsAndNormalisesTheCurrency() {
        Money price = new Money(1999, "eur");
        assertEquals("EUR", price.currency());
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
        assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE, "EUR").times(2));
    }
}
