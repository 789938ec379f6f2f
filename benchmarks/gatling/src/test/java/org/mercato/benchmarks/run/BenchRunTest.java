package org.mercato.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchRunTest {

    @Test
    void catalogSizesAreWholeNumbersOfProductsWithOptionalDigitSeparators() {
        assertEquals(List.of(2000, 10000, 100000, 1000000), BenchRun.catalogSizes("2000,10000, 100_000,1_000_000"));
        assertEquals(List.of(1), BenchRun.catalogSizes("1"));
        assertEquals(List.of(10_000_000), BenchRun.catalogSizes("10000000"));
    }

    @Test
    void aSizeThatIsNotACountOfProductsRefusesTheWholeList() {
        for (String wrong : List.of("", "abc", "2000,", ",2000", "0", "-5", "2000,x", "10000001", "99999999999",
                "1e6", "2000;10000", "2.5")) {
            assertEquals(List.of(), BenchRun.catalogSizes(wrong), wrong);
        }
    }

    @Test
    void aWrongSettingIsRefusedBeforeAnythingRunsAndNamed() {
        String[][] wrong = {{"mercato.bench.durationSeconds", "-5"}, {"mercato.bench.durationSeconds", "ten"},
                {"mercato.bench.usersPerSecond", "abc"}, {"mercato.bench.usersPerSecond", "0"},
                {"mercato.bench.usersPerSecond", "NaN"}, {"mercato.bench.rampSeconds", "-1"},
                {"mercato.bench.thinkSeconds", "x"}, {"mercato.bench.concurrency", "0"},
                {"mercato.bench.searchConcurrency", "5000"}, {"mercato.bench.baselineSeconds", "0"},
                {"mercato.bench.baseUrl", "http://example.com"}};
        for (String[] setting : wrong) {
            String before = System.setProperty(setting[0], setting[1]);
            try {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        BenchRun::checkSettings, setting[0] + "=" + setting[1]);
                assertTrue(refused.getMessage().contains(setting[0].substring("mercato.bench.".length())),
                        refused.getMessage());
            } finally {
                if (before == null) {
                    System.clearProperty(setting[0]);
                } else {
                    System.setProperty(setting[0], before);
                }
            }
        }
        assertDoesNotThrow(BenchRun::checkSettings, "the defaults pass");
    }
}
