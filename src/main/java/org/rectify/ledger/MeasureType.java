package org.rectify.ledger;

import org.rectify.base.domain.Labelled;

/** 整改类型: 即知即改, 阶段性整改 (with a deadline), 长期整改 (reported on periodically, never "done" by a date). */
public enum MeasureType implements Labelled {
    IMMEDIATE, PHASED, LONG_TERM;

    @Override
    public String messagePrefix() {
        return "type";
    }
}
