package org.mercato.admin.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NewestFirstPagesTest {

    /** 23 orders, newest first: 23, 22, ..., 1; pages as the API serves them. */
    private final List<Integer> newestFirst = IntStream.rangeClosed(1, 23).map(i -> 24 - i).boxed().toList();
    private final List<String> calls = new ArrayList<>();

    private List<Integer> page(int page, int size) {
        calls.add(page + "/" + size);
        int from = Math.min(newestFirst.size(), page * size);
        return newestFirst.subList(from, Math.min(newestFirst.size(), from + size));
    }

    @Test
    void newestFirstIsThePageItself() {
        assertEquals(List.of(13, 12, 11, 10, 9, 8, 7, 6, 5, 4), NewestFirstPages.window(this::page, 23, 10, 10,
                false));
        assertEquals(List.of("1/10"), calls);
    }

    @Test
    void oldestFirstReadsTheOtherEndReversed() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), NewestFirstPages.window(this::page, 23, 0, 10, true));
        assertEquals(List.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 20), NewestFirstPages.window(this::page, 23, 10, 10,
                true));
        assertEquals(List.of(21, 22, 23), NewestFirstPages.window(this::page, 23, 20, 10, true));
        assertEquals(List.of(), NewestFirstPages.window(this::page, 23, 30, 10, true));
    }
}
