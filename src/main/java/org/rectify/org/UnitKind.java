package org.rectify.org;

import org.rectify.base.domain.Labelled;

/** 党委 / 党组 at the top, 党总支, 科室 (departments) and 党支部 below. */
public enum UnitKind implements Labelled {
    COMMITTEE, LEADING_GROUP, GENERAL_BRANCH, DEPARTMENT, BRANCH;

    @Override
    public String messagePrefix() {
        return "unitKind";
    }
}
