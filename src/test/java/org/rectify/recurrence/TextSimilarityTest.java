package org.rectify.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known pairs of problem descriptions: the same problem worded again, and different problems. */
class TextSimilarityTest {

    @ParameterizedTest(name = "alike: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "理论学习不够系统深入，学用结合不紧|理论学习不够深入系统，学用结合不够紧密",
            "调查研究不够深入，了解基层情况不全面|调查研究深入不够，对基层情况了解不全面",
            "落实中央八项规定精神有松懈|落实中央八项规定精神存在松懈现象",
            "担当作为不够，遇到矛盾绕着走|担当作为不够，遇到矛盾问题绕着走",
            "廉政风险防控机制不健全|廉政风险防控机制还不够健全"})
    void theSameProblemWordedAgainIsAboveTheThreshold(String a, String b) {
        assertThat(TextSimilarity.similarity(a, b)).isGreaterThanOrEqualTo(RecurrenceService.THRESHOLD);
    }

    @ParameterizedTest(name = "different: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "廉政风险排查不够全面|理论学习不够系统深入",
            "干部队伍建设抓得不够实|为民服务意识有所淡化",
            "调查研究不够深入|执行请示报告制度有偏差",
            "会议文件过多过长|落实中央八项规定精神有松懈"})
    void differentProblemsStayBelowIt(String a, String b) {
        assertThat(TextSimilarity.similarity(a, b)).isLessThan(RecurrenceService.THRESHOLD);
    }

    @org.junit.jupiter.api.Test
    void punctuationAndSpacesDoNotCount() {
        assertThat(TextSimilarity.similarity("学习不深，研讨不透。", "学习 不深 研讨不透")).isEqualTo(1.0);
        assertThat(TextSimilarity.similarity("", "学习")).isZero();
    }
}
