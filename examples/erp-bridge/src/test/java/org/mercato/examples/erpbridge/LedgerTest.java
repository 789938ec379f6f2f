package org.mercato.examples.erpbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger books each event id once, also across restarts, and survives a line cut short by a crash. */
class LedgerTest {

    @TempDir
    Path folder;

    private static LedgerEntry entry(String eventId, String orderId) {
        return new LedgerEntry(eventId, "OrderPlaced", orderId, "2026-11-24T10:15:30Z", Instant.parse(
                "2026-11-24T10:15:31Z"), null, null, List.of(new OrderLine("MC-1", 2)), new Money(900, "EUR"), null);
    }

    @Test
    void aRedeliveredEventIsBookedOnceAlsoAfterARestart() throws IOException {
        Path file = folder.resolve("erp/ledger.jsonl");
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.record(entry("e1", "o-1")));
            assertFalse(ledger.record(entry("e1", "o-1")), "the same event again");
            assertTrue(ledger.record(entry("e2", "o-2")));
        }
        try (Ledger reopened = Ledger.open(file)) {
            assertTrue(reopened.contains("e1") && reopened.contains("e2"));
            assertFalse(reopened.record(entry("e2", "o-2")), "booked before the restart");
            assertEquals(2, reopened.size());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"eventId\":\"e1\",\"eventType\":\"OrderPlaced\",\"orderId\":\"o-1\""),
                lines.get(0));
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndTheNextEntryStartsOnItsOwnLine() throws IOException {
        Path file = folder.resolve("ledger.jsonl");
        String whole = entry("e1", "o-1").toJson().toString();
        Files.writeString(file, whole + "\n{\"eventId\":\"e2\",\"eventTy", StandardCharsets.UTF_8);
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.contains("e1"));
            assertFalse(ledger.contains("e2"), "the cut line was never booked");
            assertTrue(ledger.record(entry("e2", "o-2")), "so it is booked when redelivered");
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(entry("e2", "o-2").toJson().toString(), lines.get(2));
    }
}
