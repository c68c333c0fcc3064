package org.rectify.ledger;

import org.rectify.base.domain.Labelled;

/** 未开始 → 整改中 → 申请销号 → 已销号, or 已退回 when the office sends an application back. */
public enum MeasureStatus implements Labelled {
    NOT_STARTED, IN_PROGRESS, PENDING_CLOSE, CLOSED, RETURNED;

    @Override
    public String messagePrefix() {
        return "status";
    }
}
