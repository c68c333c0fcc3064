package org.rectify.ledger;

import org.rectify.base.domain.Labelled;

/** 问题来源, the list the central notices give for sorting out problems (seed 000). */
public enum ProblemSource implements Labelled {
    STUDY,                 // 学习研讨中查摆
    PARTY_RULES,           // 对照党章党规查找
    RESEARCH,              // 调研发现
    MASS_FEEDBACK,         // 群众反映 / 征求意见
    HEART_TO_HEART_TALK,   // 谈心谈话指出
    INSPECTION,            // 巡视巡察反馈
    CADRE_EVALUATION,      // 干部考察 / 工作考核反馈
    AUDIT,                 // 经济责任审计
    CARRIED_OVER,          // 上年度民主生活会未整改到位
    SPECIAL_CAMPAIGN;      // 专项整治

    @Override
    public String messagePrefix() {
        return "source";
    }
}
