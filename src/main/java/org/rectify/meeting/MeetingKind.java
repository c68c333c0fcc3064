package org.rectify.meeting;

import org.rectify.base.domain.Labelled;

/** 民主生活会 / 专题民主生活会 (leadership team), 组织生活会 / 专题组织生活会 (branch). */
public enum MeetingKind implements Labelled {
    DEMOCRATIC_LIFE, SPECIAL_DEMOCRATIC_LIFE, ORGANIZATIONAL_LIFE, SPECIAL_ORGANIZATIONAL_LIFE;

    @Override
    public String messagePrefix() {
        return "meetingKind";
    }
}
