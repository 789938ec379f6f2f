package org.mercato.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
