package org.rectify.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The subset of ApexCharts' options this project uses, as typed records serialized to the library's JSON. Empty
 * fields are left out so that ApexCharts' defaults apply. {@code series} is a list of {@link Series} for axis
 * charts and a list of numbers for pies and donuts, as ApexCharts expects; use the factories.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartOptions(Chart chart, List<?> series, List<String> labels, XAxis xaxis, YAxis yaxis,
                           List<String> colors, PlotOptions plotOptions, Legend legend, DataLabels dataLabels,
                           Stroke stroke, NoData noData) {

    /** The thickest a horizontal bar is drawn (px): one unit's bar alone would otherwise fill the whole chart. */
    static final int MAX_BAR_PX = 28;
    /** What a bar chart's height holds besides the bars (legend, axis), for the bars' share of it. */
    static final int BAR_CHART_CHROME_PX = 80;

    /**
     * Bars (horizontal or not, stacked or not) over categories. Stacked bars carry one figure each, their total,
     * rather than one per segment: readable at 25 bars, and a third of the text for the browser to measure (the
     * segments' figures are in the tooltip).
     */
    public static ChartOptions bar(List<String> categories, List<Series> series, List<String> colors,
            boolean horizontal, boolean stacked, int height, String noData) {
        // Horizontal bars share the height: few bars are drawn at most MAX_BAR_PX thick rather than 70 % of a slot.
        double slot = (height - BAR_CHART_CHROME_PX) / (double) Math.max(1, categories.size());
        long barHeight = Math.min(70, Math.round(100.0 * MAX_BAR_PX / Math.max(1, slot)));
        return new ChartOptions(new Chart("bar", height, stacked, Map.of("show", false)), series, null,
                new XAxis(categories), horizontal ? null : YAxis.counting(series, stacked), colors,
                new PlotOptions(Map.of("horizontal", horizontal, "borderRadius", 2, "barHeight", barHeight + "%",
                        "columnWidth", "55%", "dataLabels", Map.of("total", Map.of("enabled", stacked, "offsetX", 4))),
                        null),
                new Legend("top"), new DataLabels(false), null, new NoData(noData));
    }

    /** A donut of values with their labels. */
    public static ChartOptions donut(List<String> labels, List<Number> values, List<String> colors, int height,
            String noData) {
        return new ChartOptions(new Chart("donut", height, null, Map.of("show", false)), values, labels, null, null,
                colors, null, new Legend("right"), new DataLabels(true), null, new NoData(noData));
    }

    /** Lines over categories (e.g. weeks). */
    public static ChartOptions line(List<String> categories, List<Series> series, List<String> colors, int height,
            String noData) {
        return new ChartOptions(new Chart("line", height, null, Map.of("show", false)), series, null,
                new XAxis(categories), YAxis.counting(series, false), colors, null, new Legend("top"), new DataLabels(false),
                new Stroke(3, "straight"), new NoData(noData));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chart(String type, Integer height, Boolean stacked, Map<String, Object> toolbar) {
    }

    /** A named series of numbers, one per category. */
    public record Series(String name, List<? extends Number> data) {
    }

    public record XAxis(List<String> categories) {
    }

    /**
     * The value axis of a chart that counts items: whole numbers only. Below five, one tick per number (ApexCharts
     * would draw 0.5, 1.5, ... for a unit with three items); above, its own nice scale, labels without decimals.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record YAxis(Integer tickAmount, Integer decimalsInFloat, Boolean forceNiceScale) {

        static YAxis counting(List<Series> series, boolean stacked) {
            int categories = series.stream().mapToInt(s -> s.data().size()).max().orElse(0);
            double max = 0;
            for (int i = 0; i < categories; i++) {
                double stack = 0;
                for (Series s : series) {
                    double v = i < s.data().size() && s.data().get(i) != null ? s.data().get(i).doubleValue() : 0;
                    stack = stacked ? stack + v : Math.max(stack, v);
                }
                max = Math.max(max, stack);
            }
            return max < 5 ? new YAxis(Math.max(1, (int) Math.ceil(max)), 0, null) : new YAxis(null, 0, true);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlotOptions(Map<String, Object> bar, Map<String, Object> pie) {
    }

    public record Legend(String position) {
    }

    public record DataLabels(Boolean enabled) {
    }

    public record Stroke(Integer width, String curve) {
    }

    public record NoData(String text) {
    }
}
