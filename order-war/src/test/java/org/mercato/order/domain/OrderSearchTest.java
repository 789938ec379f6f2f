package org.mercato.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OrderSearchTest {

    @Test
    void anIdPrefixIsTheStartOfAnIdsTextFourCharactersOrMore() {
        for (String good : List.of("3f2a", "3f2a9c1b", "3f2a9c1b-", "3f2a9c1b-7", "3f2a9c1b-7e4d-4a1b-9c2d-",
                "3f2a9c1b-7e4d-4a1b-9c2d-0123456789ab")) {
            assertTrue(OrderSearch.isIdPrefix(good), good);
        }
        for (String bad : List.of("", "3f2", "3F2A", "3f2g", "3f2a9c1b7", "3f2a-", "-3f2a", "3f2a9c1b--",
                "3f2a9c1b-7e4d-4a1b-9c2d-0123456789abc", "3f2a 9c1", "3f2a%", "3f2a_")) {
            assertFalse(OrderSearch.isIdPrefix(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> OrderSearch.all().withIdPrefix(bad), bad);
        }
    }

    @Test
    void theIdsStartingWithAPrefixAreARangeOfIds() {
        OrderSearch search = OrderSearch.all().withIdPrefix("f3a9c1b2-7");
        assertEquals(UUID.fromString("f3a9c1b2-7000-0000-0000-000000000000"), search.lowestId());
        assertEquals(UUID.fromString("f3a9c1b2-7fff-ffff-ffff-ffffffffffff"), search.highestId());
        UUID whole = UUID.randomUUID();
        OrderSearch exact = OrderSearch.all().withIdPrefix(whole.toString());
        assertEquals(whole, exact.lowestId());
        assertEquals(whole, exact.highestId());
        assertNull(OrderSearch.all().lowestId());
    }

    @Test
    void theEmailPrefixIsKeptInLowerCaseAndTheDefaultSortIsNewestFirst() {
        assertThrows(IllegalArgumentException.class, () -> OrderSearch.all().withEmailPrefix("Alice"));
        assertThrows(IllegalArgumentException.class, () -> OrderSearch.all().withEmailPrefix("a".repeat(321)));
        assertEquals(OrderSearch.Sort.NEWEST_FIRST, OrderSearch.all().sort());
        assertEquals(OrderSearch.Sort.NEWEST_FIRST, OrderSearch.all().sortedBy(null).sort());
    }
}
