package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;

class SortingTest {

    private static final List<String> KEYS = List.of("created", "total", "status");

    @Test
    void aKeyAscendingOrWithAMinusDescendingAndTheDefaultWhenAbsent() {
        assertEquals(new Sorting("total", false), Sorting.parse("total", KEYS, "-created"));
        assertEquals(new Sorting("status", true), Sorting.parse("-status", KEYS, "-created"));
        assertEquals(new Sorting("created", true), Sorting.parse(null, KEYS, "-created"));
    }

    @Test
    void anythingElseIsA400NamingSort() {
        for (String bad : List.of("", "-", "--created", "Created", "+created", "created,total", "amount",
                " created")) {
            ProblemException e = assertThrows(ProblemException.class, () -> Sorting.parse(bad, KEYS, "-created"),
                    bad);
            assertEquals(400, e.problem().status());
            assertEquals("sort", e.problem().errors().get(0).field(), bad);
        }
    }
}
