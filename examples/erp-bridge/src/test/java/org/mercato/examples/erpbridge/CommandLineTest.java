package org.mercato.examples.erpbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The command line, the settings from options and environment, and the StockAdjusted body the bridge sends. */
class CommandLineTest {

    @Test
    void listenIsTheDefaultAndOptionsMayStandAnywhere() {
        CommandLine none = CommandLine.parse();
        assertEquals("listen", none.command());
        CommandLine bookIn = CommandLine.parse("--broker-url=tcp://h:1", "book-in", "MC-1", "24", "--event-id=x",
                "MAIN");
        assertEquals("book-in", bookIn.command());
        assertEquals(List.of("MC-1", "24", "MAIN"), bookIn.arguments());
        assertEquals(Map.of("broker-url", "tcp://h:1", "event-id", "x"), bookIn.options());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--ledger"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--brokers=tcp://h:1"));
    }

    @Test
    void optionsWinOverTheEnvironmentWhichWinsOverDefaults() {
        BridgeSettings defaults = BridgeSettings.from(Map.of("ERP_BRIDGE_CLIENT_ID", ""), Map.of());
        assertEquals(new BridgeSettings("tcp://127.0.0.1:61616", null, "erp-bridge-orders", Path.of(
                "erp-ledger.jsonl")), defaults);
        BridgeSettings set = BridgeSettings.from(Map.of("ERP_BRIDGE_BROKER_URL", "tcp://env:1",
                "ERP_BRIDGE_SUBSCRIPTION", "erp-env", "ERP_BRIDGE_LEDGER", "/var/erp/l.jsonl"),
                Map.of("broker-url",
                        "tcp://option:2", "client-id", "erp-1"));
        assertEquals(new BridgeSettings("tcp://option:2", "erp-1", "erp-env", Path.of("/var/erp/l.jsonl")), set);
        assertThrows(IllegalArgumentException.class, () -> BridgeSettings.from(Map.of(), Map.of("subscription",
                " ")));
    }

    @Test
    void goodsReceivedAndTakenOutAreWholeUnitsAboveZero() {
        StockAdjustment in = StockAdjustment.booking("MC-7KQ2ZP", "24", true, "MAIN", "delivery 4711");
        assertEquals("{\"sku\":\"MC-7KQ2ZP\",\"quantity\":24,\"warehouse\":\"MAIN\",\"reason\":\"delivery 4711\","
                + "\"source\":\"erp-bridge\"}", in.toJson().toString());
        StockAdjustment out = StockAdjustment.booking("MC-7KQ2ZP", "3", false, null, " ");
        assertEquals("{\"sku\":\"MC-7KQ2ZP\",\"quantity\":-3,\"source\":\"erp-bridge\"}", out.toJson().toString());
        for (String units : new String[]{"0", "-2", "1.5", "lots"}) {
            assertThrows(IllegalArgumentException.class, () -> StockAdjustment.booking("MC-1", units, true, null,
                    null), units);
        }
        assertThrows(IllegalArgumentException.class, () -> StockAdjustment.booking(" ", "1", true, null, null));
    }

    @Test
    void correlationIdsAreWhatMercatoAccepts() {
        assertTrue(StockAdjustment.isValidCorrelationId("erp-delivery-4711"));
        assertFalse(StockAdjustment.isValidCorrelationId("short"));
        assertFalse(StockAdjustment.isValidCorrelationId("has spaces in it"));
        assertFalse(StockAdjustment.isValidCorrelationId("x".repeat(129)));
    }

    @Test
    void aWrongCommandLineIsRefusedWithStatusTwoBeforeAnythingIsSent() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, ErpBridge.run(CommandLine.parse("book-in", "MC-1"), Map.of(), out, errors));
        assertEquals(2, ErpBridge.run(CommandLine.parse("book-in", "MC-1", "2", "--event-id=not-a-uuid"), Map.of(),
                out, errors));
        assertEquals(2, ErpBridge.run(CommandLine.parse("book-out", "MC-1", "2", "--correlation-id=x"), Map.of(),
                out, errors));
        assertEquals(2, ErpBridge.run(CommandLine.parse("restock"), Map.of(), out, errors));
        assertEquals(0, ErpBridge.run(CommandLine.parse("help"), Map.of(), out, errors));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("takes 2 to 4 arguments") && said.contains("takes a UUID") && said.contains(
                "unknown command restock"), said);
    }
}
