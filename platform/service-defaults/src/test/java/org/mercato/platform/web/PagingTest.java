package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;

class PagingTest {

    private static String refusedField(int page, int size) {
        ProblemException e = assertThrows(ProblemException.class, () -> Paging.of(page, size));
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0).field();
    }

    @Test
    void pagesWithinTheMaximumOffset() {
        assertEquals(0, Paging.of(0, 20).offset());
        assertEquals(10_000, Paging.of(100, 100).offset());
        assertEquals(10_000, Paging.of(10_000, 1).offset());
    }

    @Test
    void outOfRangeValuesNameTheParameter() {
        // 21474836 * 100 overflowed an int (a 500) and 42949673 * 100 wrapped round to the first page
        assertEquals("page", refusedField(21_474_836, 100));
        assertEquals("page", refusedField(42_949_673, 100));
        assertEquals("page", refusedField(Integer.MAX_VALUE, Integer.MAX_VALUE > 100 ? 100 : 1));
        assertEquals("page", refusedField(-1, 20));
        assertEquals("page", refusedField(101, 100));
        assertEquals("size", refusedField(0, 0));
        assertEquals("size", refusedField(0, 101));
        assertEquals("size", refusedField(0, -5));
    }
}
