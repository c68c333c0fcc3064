package org.rectify.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectify.ledger.MeasureType;

/** Every way offices write 整改时限, read against a meeting held on 2026-01-20. */
class DeadlineParserTest {

    private final DeadlineParser parser = new DeadlineParser(LocalDate.of(2026, 1, 20));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2025-09-30|2025-09-30",
            "2026/9/30|2026-09-30",
            "2026.9.30|2026-09-30",
            "2026.12|2026-12-31",
            "2026-02|2026-02-28",
            "2026年6月|2026-06-30",
            "2026年6月底前|2026-06-30",
            "2026年6月底|2026-06-30",
            "2026年十二月|2026-12-31",
            "2026年9月30日|2026-09-30",
            "2026年9月30日前|2026-09-30",
            "2026年 9 月 30 日前完成|2026-09-30",
            "年底前|2026-12-31",
            "年内|2026-12-31",
            "2026年底前|2026-12-31",
            "2027年|2027-12-31",
            "6月底前|2026-06-30",
            "9月30日前|2026-09-30",
            "上半年|2026-06-30",
            "2026年下半年|2026-12-31",
            "三季度|2026-09-30",
            "第一季度|2026-03-31",
            "46022|2025-12-31",
            "46022.0|2025-12-31",
            "延期至2026-10-31|2026-10-31"})
    void datesAsPeopleWriteThem(String text, LocalDate expected) {
        DeadlineParser.Deadline d = parser.parse(text);
        assertThat(d.date()).isEqualTo(expected);
        assertThat(d.type()).isEqualTo(MeasureType.PHASED);
    }

    @Test
    void aMonthWithoutAYearThatFallsBeforeTheMeetingMeansNextYear() {
        DeadlineParser december = new DeadlineParser(LocalDate.of(2025, 12, 28));
        assertThat(december.parse("3月底前").date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(december.parse("年底前").date()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @ParameterizedTest
    @CsvSource({"立行立改", "即知即改", "立即整改", "立行立改，长期坚持"})
    void immediateWordsAreATypeNotADate(String text) {
        DeadlineParser.Deadline d = parser.parse(text);
        assertThat(d.date()).isNull();
        assertThat(d.type()).isEqualTo(MeasureType.IMMEDIATE);
    }

    @ParameterizedTest
    @CsvSource({"长期坚持", "长期", "持续推进", "常态化推进"})
    void longTermWordsAreATypeNotADate(String text) {
        DeadlineParser.Deadline d = parser.parse(text);
        assertThat(d.date()).isNull();
        assertThat(d.type()).isEqualTo(MeasureType.LONG_TERM);
    }

    @Test
    void theExportsExtendedFormGivesTheDeadlineInForceAndTheOriginal() {
        DeadlineParser.Deadline d = parser.parse("2026-06-30（原定2026-03-31）");
        assertThat(d.date()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(d.original()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void emptyIsNothingAndNonsenseIsRefusedWithAReason() {
        assertThat(parser.parse("  ").isEmpty()).isTrue();
        assertThatThrownBy(() -> parser.parse("尽快")).isInstanceOf(DeadlineParser.Unreadable.class)
                .hasMessage("import.deadline.unknown");
        assertThatThrownBy(() -> parser.parse("2026-02-30")).isInstanceOf(DeadlineParser.Unreadable.class)
                .hasMessage("import.deadline.invalidDate");
        assertThatThrownBy(() -> parser.parse("2026年13月")).isInstanceOf(DeadlineParser.Unreadable.class);
    }
}
