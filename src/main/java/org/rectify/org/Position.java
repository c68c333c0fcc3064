package org.rectify.org;

import org.rectify.base.domain.Labelled;

/** 职务 as it matters for rectification: who leads, who reports. */
public enum Position implements Labelled {
    SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER, UNIT_HEAD, LIAISON, PARTY_MEMBER, STAFF;

    /** Positions of the leadership team (班子成员): such a person may be a measure's responsible leader. */
    public boolean isLeadership() {
        return this == SECRETARY || this == DEPUTY_SECRETARY || this == COMMITTEE_MEMBER;
    }

    @Override
    public String messagePrefix() {
        return "position";
    }
}
