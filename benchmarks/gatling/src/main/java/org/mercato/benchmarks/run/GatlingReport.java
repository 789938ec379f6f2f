package org.mercato.benchmarks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The figures of one Gatling HTML report (Gatling 3.14's {@code index.html}): the statistics table (all requests,
 * then each request name) and the response-time percentiles over time of the OK requests. Gatling 3.14 writes
 * these only into the HTML page, so they are read from it.
 *
 * @param directory the report's folder
 * @param requests the statistics rows, "All Requests" first
 * @param percentilesOverTime series name ({@code 50%}, {@code 95%}, {@code 99%}, ...) to points of
 *        {@code [epoch milliseconds, response time in ms]}, one per second
 */
public record GatlingReport(Path directory, List<Stats> requests, Map<String, List<long[]>> percentilesOverTime) {

    /**
     * One row of the statistics table; times in milliseconds.
     *
     * @param perSecond requests per second over the whole run
     */
    public record Stats(String name, long total, long ok, long ko, double perSecond, long min, long p50, long p75,
            long p95, long p99, long max, long mean) {
    }

    private static final Pattern SERIES = Pattern.compile("name: '([^']+)',\\s*data: \\[((?:\\[\\d+, ?(?:-?\\d+|null)"
            + "\\](?:, ?)?)*)\\]");
    private static final Pattern POINT = Pattern.compile("\\[(\\d+), ?(-?\\d+|null)\\]");

    /** Reads {@code directory/index.html}. */
    public static GatlingReport read(Path directory) throws IOException {
        String html = Files.readString(directory.resolve("index.html"), StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        List<Stats> rows = new ArrayList<>();
        for (Element row : page.select("#container_statistics_head tr[id], #container_statistics_body tr[id]")) {
            Element name = row.selectFirst(".ellipsed-name");
            if (name == null) {
                continue;
            }
            rows.add(new Stats(name.text(), number(row, 2), number(row, 3), number(row, 4), decimal(row, 6), number(
                    row, 7), number(row, 8), number(row, 9), number(row, 10), number(row, 11), number(row, 12),
                    number(
                            row, 13)));
        }
        if (rows.isEmpty()) {
            throw new IOException("no statistics table in " + directory.resolve("index.html"));
        }
        return new GatlingReport(directory, List.copyOf(rows), percentiles(html));
    }

    /** The row of {@code name} ("All Requests" for the whole run). */
    public Optional<Stats> request(String name) {
        return requests.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The whole run's row. */
    public Stats all() {
        return requests.get(0);
    }

    private static Map<String, List<long[]>> percentiles(String html) {
        Map<String, List<long[]>> series = new LinkedHashMap<>();
        int chart = html.indexOf("Response Time Percentiles over Time (OK)");
        if (chart < 0) {
            return series;
        }
        int end = html.indexOf("</script>", chart);
        Matcher matcher = SERIES.matcher(html.substring(chart, end < 0 ? html.length() : end));
        while (matcher.find()) {
            List<long[]> points = new ArrayList<>();
            Matcher point = POINT.matcher(matcher.group(2));
            while (point.find()) {
                if (!"null".equals(point.group(2))) {
                    points.add(new long[]{Long.parseLong(point.group(1)), Long.parseLong(point.group(2))});
                }
            }
            series.putIfAbsent(matcher.group(1), List.copyOf(points));
        }
        return series;
    }

    private static String cell(Element row, int column) {
        Element cell = row.selectFirst("td.col-" + column);
        return cell == null ? "" : cell.text().strip().replace(",", "");
    }

    private static long number(Element row, int column) {
        String text = cell(row, column);
        return text.matches("-?\\d+") ? Long.parseLong(text) : 0;
    }

    private static double decimal(Element row, int column) {
        String text = cell(row, column);
        return text.matches("-?\\d+(\\.\\d+)?") ? Double.parseDouble(text) : 0;
    }
}
