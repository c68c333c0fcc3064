package org.rectify.org;

import org.rectify.base.domain.Labelled;

/** 职务 as it matters for rectification: who leads, who reports. */
public enum Position implements Labelled {
    SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER, UNIT_HEAD, LIAISON, STAFF;

    @Override
    public String messagePrefix() {
        return "position";
    }
}
