package org.rectify.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectify.base.ui.chart.ChartOptions.Series;

/** What the dashboard's charts are drawn with when a unit has one bar or a handful of items. */
class ChartOptionsTest {

    private static final List<String> COLORS = List.of("#1", "#2");

    @Test
    void aLoneHorizontalBarIsDrawnAsThickAsOneOfManyNotAcrossTheChart() {
        ChartOptions one = ChartOptions.bar(List.of("组织人事科"), List.of(new Series("已销号", List.of(7L))), COLORS,
                true, true, 260, "—");
        assertThat(one.plotOptions().bar()).containsEntry("barHeight", "16%");

        List<String> units = Collections.nCopies(25, "部门");
        ChartOptions many = ChartOptions.bar(units, List.of(new Series("已销号", Collections.nCopies(25, 3L))),
                COLORS, true, true, 34 * 25 + 80, "—");
        assertThat(many.plotOptions().bar()).containsEntry("barHeight", "70%");
        assertThat(many.yaxis()).as("a horizontal chart's counts run along its x axis, in whole steps already")
                .isNull();
    }

    @Test
    void aCountingAxisShowsWholeNumbersOnly() {
        ChartOptions few = ChartOptions.bar(List.of("即知即改", "阶段性整改", "长期整改"),
                List.of(new Series("已销号", List.of(1L, 1L, 0L)), new Series("未完成", List.of(1L, 3L, 2L))), COLORS,
                false, false, 300, "—");
        assertThat(few.yaxis()).as("one tick per number up to the largest bar, 3")
                .isEqualTo(new ChartOptions.YAxis(3, 0, null));

        ChartOptions stacked = ChartOptions.bar(List.of("a", "b"),
                List.of(new Series("x", List.of(2L, 1L)), new Series("y", List.of(2L, 0L))), COLORS, false, true,
                300, "—");
        assertThat(stacked.yaxis().tickAmount()).as("stacked: the tallest stack, 2 + 2").isEqualTo(4);

        ChartOptions many = ChartOptions.line(List.of("W1", "W2"),
                List.of(new Series("累计销号", List.of(12L, 40L))), COLORS, 300, "—");
        assertThat(many.yaxis()).isEqualTo(new ChartOptions.YAxis(null, 0, true));

        ChartOptions empty = ChartOptions.bar(List.of(), List.of(new Series("x", List.of())), COLORS, false, false,
                300, "—");
        assertThat(empty.yaxis().tickAmount()).isEqualTo(1);
    }

    @Test
    void theBrowserGetsOnlyTheFieldsThatAreSet() throws Exception {
        String json = JsonMapper.builder().findAndAddModules().build().writeValueAsString(ChartOptions.bar(
                List.of("a"), List.of(new Series("x", List.of(2L))), COLORS, false, false, 300, "—"));
        assertThat(json).contains("\"yaxis\":{\"tickAmount\":2,\"decimalsInFloat\":0}").doesNotContain("null");
    }
}
