package org.rectify.org;

import org.rectify.base.domain.Labelled;

/** 党委 / 党组 at the top, 部门 and 党支部 below. */
public enum UnitKind implements Labelled {
    COMMITTEE, LEADING_GROUP, DEPARTMENT, BRANCH;

    @Override
    public String messagePrefix() {
        return "unitKind";
    }
}
