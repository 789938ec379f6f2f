package org.mercato.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a real Gatling 3.14.9 report (the browse run of docs/benchmarks.md, "after jakarta.json.provider": 1,800
 * requests, p50 107 ms, p99 1,335 ms) and draws the report's plots from it.
 */
class GatlingReportTest {

    private static final Path REPORT = Path.of("src/test/resources/gatling-report");

    @Test
    void theStatisticsTableIsReadRowByRow() throws IOException {
        GatlingReport report = GatlingReport.read(REPORT);
        GatlingReport.Stats all = report.all();
        assertEquals("All Requests", all.name());
        assertEquals(1800, all.total());
        assertEquals(1800, all.ok());
        assertEquals(0, all.ko());
        assertEquals(47.37, all.perSecond(), 1e-9);
        assertEquals(107, all.p50());
        assertEquals(787, all.p95());
        assertEquals(1335, all.p99());
        assertEquals(List.of("All Requests", "home page", "categories", "new arrivals", "category listing",
                "product page (slug)", "product page (id)"),
                report.requests().stream().map(GatlingReport.Stats::name)
                        .toList());
        GatlingReport.Stats home = report.request("home page").orElseThrow();
        assertEquals(300, home.total());
        assertEquals(311, home.p50());
        assertEquals(1576, home.p99());
        assertTrue(report.request("no such request").isEmpty());
    }

    @Test
    void thePercentilesOverTimeAreReadPerSecond() throws IOException {
        Map<String, List<long[]>> series = GatlingReport.read(REPORT).percentilesOverTime();
        assertTrue(series.keySet().containsAll(List.of("min", "50%", "95%", "99%", "max")), series.keySet()
                .toString());
        List<long[]> median = series.get("50%");
        assertTrue(median.size() >= 30, "one point a second over a 35 s run: " + median.size());
        assertEquals(1796136231000L, median.get(0)[0]);
        assertEquals(467, median.get(0)[1]);
        for (int i = 1; i < median.size(); i++) {
            assertTrue(median.get(i)[0] > median.get(i - 1)[0], "in time order");
        }
    }

    @Test
    void aRunOfRequestKindsAloneGivesEachItsRateOverItsPhaseAndItsRatioToTheBaselines(@TempDir Path folder)
            throws IOException {
        Report report = new Report(folder, "targets", null);
        report.baseline(new Baselines.Figure("Payara Micro, static file (5665 B)", 100, 3, 9, "test"));
        report.run("targets", GatlingReport.read(REPORT), -1, 20);
        report.write();
        String markdown = Files.readString(folder.resolve("report.md"));
        // 300 home pages in a 20 s phase: 15 a second, 15 % of Payara's static file
        assertTrue(markdown.contains("| home page | 300 | 0 | 15.0 | 311 | 1082 | 1576 | 1670 | 15.0 % | - |"),
                markdown);
    }

    @Test
    void aPageWithoutStatisticsIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("index.html"), "<html><body>no run</body></html>");
        assertThrows(IOException.class, () -> GatlingReport.read(folder));
    }

    @Test
    void theReportWritesItsTablesAndPlots(@TempDir Path folder) throws IOException {
        Report report = new Report(folder, "browse", null);
        report.baseline(new Baselines.Figure("Payara Micro, static file (5665 B)", 94.74, 3, 9, "test"));
        report.run("browse", GatlingReport.read(REPORT), -1);
        report.write();
        String markdown = Files.readString(folder.resolve("report.md"));
        assertTrue(markdown.contains("| All Requests | 1,800 | 0 | 47.4 | 107 | 787 | 1335 | 1744 | - | - |"),
                "an open workload's rates follow its arrivals, so no ratios: " + markdown);
        for (String png : List.of("browse-throughput.png", "browse-latency.png", "browse-over-time.png")) {
            byte[] bytes = Files.readAllBytes(folder.resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
        assertFalse(Files.readAllLines(folder.resolve("results.jsonl")).isEmpty());
    }
}
