package org.mercato.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.CurrencyNotAcceptedException;

class ReportParametersTest {

    @Test
    void currencyIsTheShopsByDefaultAndOtherwiseAnUpperCaseIsoCode() {
        assertEquals("EUR", ReportParameters.currency(null, "EUR"));
        assertEquals("EUR", ReportParameters.currency("", "EUR"));
        assertEquals("EUR", ReportParameters.currency("EUR", "EUR"));
        assertEquals("CHF", ReportParameters.currency(null, "CHF"));
        for (String bad : new String[]{"eur", "EURO", "EU", "E1R", " EUR", "XYZ"}) {
            assertEquals("currency", assertThrows(AnalyticsException.class, () -> ReportParameters.currency(bad,
                    "EUR")).parameter(), bad);
        }
    }

    @Test
    void anotherCurrencyThanTheShopsIsNotAccepted() {
        CurrencyNotAcceptedException usd = assertThrows(CurrencyNotAcceptedException.class,
                () -> ReportParameters.currency("USD", "EUR"));
        assertTrue(usd.getMessage().contains("EUR") && usd.getMessage().contains("USD"), usd.getMessage());
        assertThrows(CurrencyNotAcceptedException.class, () -> ReportParameters.currency("EUR", "CHF"));
    }

    @Test
    void limitIsTenByDefaultAndOtherwiseOneToAHundred() {
        assertEquals(10, ReportParameters.limit(null));
        assertEquals(1, ReportParameters.limit("1"));
        assertEquals(100, ReportParameters.limit("100"));
        for (String bad : new String[]{"0", "101", "-5", "ten", "2.5", "99999999999"}) {
            assertEquals("limit", assertThrows(AnalyticsException.class, () -> ReportParameters.limit(bad))
                    .parameter(), bad);
        }
    }
}
