package org.rectify.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;

/** 完成情况 as sheets write it: only what says "done" closes an item, never a negation or a plan. */
class StatusParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @ParameterizedTest(name = "{0} / {1} → {2} {3}% understood={4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "已完成|-|CLOSED|100|true",
            "已销号（2026-03-01）|-|CLOSED|100|true",
            "完成|-|CLOSED|100|true",
            "已完成，制度已印发|-|CLOSED|100|true",
            "是|-|CLOSED|100|true",
            "未销号|-|IN_PROGRESS|0|true",
            "未办结|-|IN_PROGRESS|0|true",
            "没有完成|-|IN_PROGRESS|0|true",
            "尚未整改到位|-|IN_PROGRESS|0|true",
            "完成60%|-|IN_PROGRESS|60|true",
            "基本完成|-|IN_PROGRESS|0|true",
            "正在推进|已制定方案|IN_PROGRESS|0|true",
            "未开始|-|NOT_STARTED|0|true",
            "-|-|NOT_STARTED|0|true",
            "-|已召开专题会|IN_PROGRESS|0|true",
            "申请销号|-|PENDING_CLOSE|100|true",
            "已退回|-|RETURNED|0|true",
            "计划年底前完成|-|NOT_STARTED|0|false",
            "计划年底前完成|已部署|IN_PROGRESS|0|false"})
    void whatTheCellSays(String status, String progress, MeasureStatus expected, int percent, boolean understood) {
        StatusParser.State s = StatusParser.parse(status, progress, MeasureType.PHASED, TODAY.plusDays(30), TODAY);
        assertThat(s.status()).isEqualTo(expected);
        assertThat(s.progress()).isEqualTo(percent);
        assertThat(s.understood()).isEqualTo(understood);
    }

    @ParameterizedTest
    @CsvSource({"已完成", "已销号"})
    void aLongTermItemIsNeverClosed(String status) {
        assertThat(StatusParser.parse(status, null, MeasureType.LONG_TERM, null, TODAY).status())
                .isEqualTo(MeasureStatus.IN_PROGRESS);
    }

    @org.junit.jupiter.api.Test
    void theCompletionDayIsTheOneWrittenElseTheDeadlineIfPastElseToday() {
        assertThat(StatusParser.parse("已完成（2026-03-01）", null, MeasureType.PHASED, null, TODAY).completedOn())
                .isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(StatusParser.parse("已完成", null, MeasureType.PHASED, TODAY.minusDays(9), TODAY).completedOn())
                .isEqualTo(TODAY.minusDays(9));
        assertThat(StatusParser.parse("已完成", null, MeasureType.PHASED, TODAY.plusDays(9), TODAY).completedOn())
                .isEqualTo(TODAY);
    }
}
