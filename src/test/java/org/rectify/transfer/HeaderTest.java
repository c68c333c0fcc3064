package org.rectify.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column names as offices write them, and headers that are not in the first row or span two rows. */
class HeaderTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "存在问题,PROBLEM", "问题描述,PROBLEM", "问题表现,PROBLEM", "检视问题,PROBLEM",
            "整改措施,MEASURE", "具体措施,MEASURE",
            "责任领导,LEADER", "分管领导,LEADER", "牵头领导,LEADER",
            "责任单位,UNIT", "责任部门,UNIT", "牵头单位,UNIT",
            "整改时限,DEADLINE", "完成时限,DEADLINE",
            "整改类型,TYPE", "整改进展,PROGRESS", "完成情况,STATUS", "备注,STATUS",
            "序号,SEQ", "问题类别,CATEGORY", "问题来源,SOURCE", "联络员,CONTACT", "事项编号,CODE",
            "'整改时限（年月日）',DEADLINE", "' 责任\n单位 ',UNIT", "*整改措施,MEASURE", "问题描述及表现,PROBLEM"})
    void synonymsNameTheSameColumn(String header, LedgerColumn expected) {
        assertThat(LedgerColumn.of(Header.normalize(header))).isEqualTo(expected);
    }

    @Test
    void unrelatedTextNamesNoColumn() {
        assertThat(LedgerColumn.of(Header.normalize("2025年度民主生活会整改台账"))).isNull();
        assertThat(LedgerColumn.of(Header.normalize("责任分工"))).isNull();
    }

    @Test
    void aTwoRowHeaderUnderTitleRowsIsFoundWithItsSubHeaders() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"2025年度党委领导班子民主生活会整改台账"});
        rows.add(new String[] {"填报单位：党委办公室", null, null, null, null, null, "填报日期：2026-02-01"});
        rows.add(new String[] {"序号", "问题类别", "存在问题", "整改措施", "责任分工", null, "整改时限"});
        rows.add(new String[] {null, null, null, null, "责任领导", "责任单位", null});
        rows.add(new String[] {"1", "思想", "学习不深", "制定计划", "书记甲", "部门甲", "2026-06-30"});
        List<SheetGrid.Region> merges = List.of(
                new SheetGrid.Region(0, 0, 0, 6),
                new SheetGrid.Region(2, 3, 0, 0), new SheetGrid.Region(2, 3, 1, 1),
                new SheetGrid.Region(2, 3, 2, 2), new SheetGrid.Region(2, 3, 3, 3),
                new SheetGrid.Region(2, 2, 4, 5), new SheetGrid.Region(2, 3, 6, 6));
        Header<LedgerColumn> h = Header.find(new SheetGrid("台账", rows, merges), LedgerColumn.class,
                LedgerColumn::of, 3, Set.of(LedgerColumn.MEASURE));
        assertThat(h).isNotNull();
        assertThat(h.row()).isEqualTo(2);
        assertThat(h.firstDataRow()).isEqualTo(4);
        assertThat(h.column(LedgerColumn.LEADER)).isEqualTo(4);
        assertThat(h.column(LedgerColumn.UNIT)).isEqualTo(5);
        assertThat(h.column(LedgerColumn.DEADLINE)).isEqualTo(6);
        assertThat(h.column(LedgerColumn.PROBLEM)).isEqualTo(2);
        assertThat(h.label(LedgerColumn.UNIT)).isEqualTo("责任单位");
    }

    @Test
    void aOneRowHeaderStartsTheDataRightBelow() {
        List<String[]> rows = List.of(
                new String[] {"序号", "问题描述", "整改措施", "责任领导", "责任单位", "完成时限"},
                new String[] {"1", "学习不深", "制定计划", "书记甲", "部门甲", "2026-06-30"});
        Header<LedgerColumn> h = Header.find(new SheetGrid("Sheet1", rows, List.of()), LedgerColumn.class,
                LedgerColumn::of, 3, Set.of(LedgerColumn.MEASURE));
        assertThat(h.row()).isZero();
        assertThat(h.firstDataRow()).isEqualTo(1);
        assertThat(h.column(LedgerColumn.DEADLINE)).isEqualTo(5);
    }
}
