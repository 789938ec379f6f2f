package org.mercato.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReportParametersTest {

    @Test
    void currencyIsEuroByDefaultAndOtherwiseAnUpperCaseIsoCode() {
        assertEquals("EUR", ReportParameters.currency(null));
        assertEquals("EUR", ReportParameters.currency(""));
        assertEquals("USD", ReportParameters.currency("USD"));
        for (String bad : new String[]{"eur", "EURO", "EU", "E1R", " EUR", "XYZ"}) {
            assertEquals(400, assertThrows(AnalyticsException.class, () -> ReportParameters.currency(bad)).status(),
                    bad);
        }
    }

    @Test
    void limitIsTenByDefaultAndOtherwiseOneToAHundred() {
        assertEquals(10, ReportParameters.limit(null));
        assertEquals(1, ReportParameters.limit("1"));
        assertEquals(100, ReportParameters.limit("100"));
        for (String bad : new String[]{"0", "101", "-5", "ten", "2.5", "99999999999"}) {
            assertEquals(400, assertThrows(AnalyticsException.class, () -> ReportParameters.limit(bad)).status(),
                    bad);
        }
    }
}
