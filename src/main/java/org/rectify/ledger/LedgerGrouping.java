package org.rectify.ledger;

import org.rectify.base.domain.Labelled;

/** How the ledger groups its rows: by 责任单位, by 问题类别, by 会议, or not at all. */
public enum LedgerGrouping implements Labelled {
    UNIT, CATEGORY, MEETING, NONE;

    @Override
    public String messagePrefix() {
        return "grouping";
    }
}
