package org.rectify.ledger.ui;

import org.rectify.ledger.LedgerGroup;
import org.rectify.ledger.Measure;

/** A row of the ledger grid: a group header with its totals, or one measure with its running number (序号). */
sealed interface LedgerRow {

    /** Stable identity for the grid (expansion state, selection) across refreshes. */
    String id();

    record GroupRow(LedgerGroup group) implements LedgerRow {
        @Override
        public String id() {
            return "g:" + group.grouping() + ":" + group.key();
        }
    }

    record MeasureRow(Measure measure, int rowNo) implements LedgerRow {
        @Override
        public String id() {
            return "m:" + measure.getId();
        }
    }
}
