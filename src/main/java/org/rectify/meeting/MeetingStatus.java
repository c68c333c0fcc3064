package org.rectify.meeting;

import org.rectify.base.domain.Labelled;

/** 筹备中 → 已召开 → 整改中 → 整改完成. */
public enum MeetingStatus implements Labelled {
    PREPARING, HELD, RECTIFYING, COMPLETED;

    @Override
    public String messagePrefix() {
        return "meetingStatus";
    }
}
