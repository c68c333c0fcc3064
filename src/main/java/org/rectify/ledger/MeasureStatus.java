package org.rectify.ledger;

import org.rectify.base.domain.Labelled;

/**
 * 未开始 → 整改中 → 申请销号 → 已销号, or 已退回 when the office sends an application back; 已转入下年度 when an
 * unfinished item is carried over into the next meeting's ledger (frozen here, continued there).
 */
public enum MeasureStatus implements Labelled {
    NOT_STARTED, IN_PROGRESS, PENDING_CLOSE, CLOSED, RETURNED, CARRIED_OVER;

    /** No more work on the item in this ledger: closed, or carried over into the next one. */
    public boolean isEnded() {
        return this == CLOSED || this == CARRIED_OVER;
    }

    @Override
    public String messagePrefix() {
        return "status";
    }
}
