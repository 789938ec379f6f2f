package org.mercato.benchmarks.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The bench run's plots, as PNG files, drawn with JFreeChart. */
public final class Charts {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;

    private Charts() {
    }

    /**
     * A horizontal bar chart: one bar per label and series (e.g. requests per second per request, or p50/p95/p99),
     * on a logarithmic axis when {@code logarithmic} (figures spanning several orders of magnitude).
     *
     * @param values series name to (label to value), in the order to draw
     */
    public static void bars(Path png, String title, String axis, Map<String, Map<String, Double>> values,
            boolean logarithmic) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((series, byLabel) -> byLabel.forEach((label, value) -> data.addValue(logarithmic
                ? Math.max(
                        value, 0.1)
                : value, series, label)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL, values
                .size() > 1, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        if (logarithmic) {
            plot.setRangeAxis(logarithmic(axis));
            // bars start at 0.1, not at 0 (which a logarithmic axis cannot show)
            ((org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer()).setBase(0.1);
        }
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        int height = Math.max(HEIGHT, 60 + 28 * values.values().stream().mapToInt(Map::size).max().orElse(1) * Math
                .max(1, values.size() / 2));
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, height);
    }

    /**
     * Lines through points: one line per series.
     *
     * @param series series name to points {@code [x, y]}
     */
    public static void lines(Path png, String title, String xAxis, String yAxis, Map<String, List<double[]>> series,
            boolean logarithmicX) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries line = new XYSeries(name, true, true);
            points.forEach(p -> line.add(p[0], p[1]));
            data.addSeries(line);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, yAxis, data, PlotOrientation.VERTICAL, series
                .size() > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        if (logarithmicX) {
            plot.setDomainAxis(logarithmic(xAxis));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, series.values().stream().allMatch(p -> p
                .size() <= 12));
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        style(chart);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** A logarithmic axis for positive figures that does not throw on a zero (it draws it at the axis' start). */
    private static LogarithmicAxis logarithmic(String label) {
        LogarithmicAxis axis = new LogarithmicAxis(label);
        axis.setAllowNegativesFlag(false);
        axis.setStrictValuesFlag(false);
        return axis;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
    }
}
