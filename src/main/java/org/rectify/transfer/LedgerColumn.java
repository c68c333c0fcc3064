package org.rectify.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns of a rectification ledger sheet, each with the names offices give it (after normalizing). */
public enum LedgerColumn {
    SEQ("序号", "编号", "问题序号", "问题编号"),
    CODE("事项编号", "事项编码", "台账编号", "措施编号"),
    SCOPE("问题归属", "问题层级", "班子或个人"),
    MEMBER("班子成员", "个人问题责任人", "检视对象"),
    SOURCE("问题来源", "来源"),
    CATEGORY("问题类别", "问题类型", "类别", "问题分类", "方面"),
    PROBLEM("存在问题", "问题描述", "问题表现", "检视问题", "查摆问题", "突出问题", "问题清单", "问题", "主要问题"),
    CAUSE("原因剖析", "原因分析", "党性分析"),
    MEASURE("整改措施", "整改举措", "具体措施", "措施", "整改任务", "整改目标及措施"),
    LEADER("责任领导", "分管领导", "牵头领导", "责任人", "领导责任人", "分管负责人"),
    UNIT("责任单位", "责任部门", "牵头单位", "牵头部门", "责任科室", "承办单位", "负责单位", "责任处室"),
    CONTACT("联络员", "具体负责人", "经办人"),
    DEADLINE("整改时限", "完成时限", "整改期限", "完成时间", "时限", "时限要求", "整改时间"),
    TYPE("整改类型", "整改分类", "类型", "整改方式"),
    PROGRESS("整改进展", "进展情况", "整改进展情况", "推进情况", "整改情况", "工作进展"),
    STATUS("完成情况", "备注", "是否完成", "整改状态", "状态", "完成状态", "整改结果");

    private final List<String> names;

    LedgerColumn(String... names) {
        this.names = List.of(names);
    }

    public List<String> names() {
        return names;
    }

    /** The name the export and the template write. */
    public String label() {
        return names.get(0);
    }

    private static final Map<LedgerColumn, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        for (LedgerColumn c : values()) {
            SYNONYMS.put(c, c.names);
        }
    }

    /** The column a header text names, if any. */
    public static LedgerColumn of(String normalizedHeader) {
        return Header.lookup(normalizedHeader, SYNONYMS);
    }
}
