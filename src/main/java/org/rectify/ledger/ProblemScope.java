package org.rectify.ledger;

import org.rectify.base.domain.Labelled;

/** 班子问题 (the leadership team's) or 个人问题 (one member's). */
public enum ProblemScope implements Labelled {
    TEAM, INDIVIDUAL;

    @Override
    public String messagePrefix() {
        return "scope";
    }
}
