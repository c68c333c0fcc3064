package org.rectify.recurrence;

import org.rectify.base.domain.Labelled;

/** 疑似反复出现 until the office decides: 确认反复出现, or 不是同一问题. */
public enum RecurrenceStatus implements Labelled {
    SUSPECTED, CONFIRMED, DISMISSED;

    @Override
    public String messagePrefix() {
        return "recurrence";
    }
}
