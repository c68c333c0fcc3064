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
public record ChartOptions(Chart chart, List<?> series, List<String> labels, XAxis xaxis, List<String> colors,
                           PlotOptions plotOptions, Legend legend, DataLabels dataLabels, Stroke stroke,
                           NoData noData) {

    /**
     * Bars (horizontal or not, stacked or not) over categories. Stacked bars carry one figure each, their total,
     * rather than one per segment: readable at 25 bars, and a third of the text for the browser to measure (the
     * segments' figures are in the tooltip).
     */
    public static ChartOptions bar(List<String> categories, List<Series> series, List<String> colors,
            boolean horizontal, boolean stacked, int height, String noData) {
        return new ChartOptions(new Chart("bar", height, stacked, Map.of("show", false)), series, null,
                new XAxis(categories), colors, new PlotOptions(Map.of("horizontal", horizontal,
                "borderRadius", 2, "barHeight", "70%", "columnWidth", "55%",
                "dataLabels", Map.of("total", Map.of("enabled", stacked, "offsetX", 4))), null),
                new Legend("top"), new DataLabels(false), null, new NoData(noData));
    }

    /** A donut of values with their labels. */
    public static ChartOptions donut(List<String> labels, List<Number> values, List<String> colors, int height,
            String noData) {
        return new ChartOptions(new Chart("donut", height, null, Map.of("show", false)), values, labels, null,
                colors, null, new Legend("right"), new DataLabels(true), null, new NoData(noData));
    }

    /** Lines over categories (e.g. weeks). */
    public static ChartOptions line(List<String> categories, List<Series> series, List<String> colors, int height,
            String noData) {
        return new ChartOptions(new Chart("line", height, null, Map.of("show", false)), series, null,
                new XAxis(categories), colors, null, new Legend("top"), new DataLabels(false),
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
