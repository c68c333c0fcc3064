package org.rectify.ledger;

/**
 * One group of the ledger with its counts, as computed by SQL GROUP BY.
 *
 * @param grouping what {@code key} identifies (a unit or a category)
 * @param key      the unit or category id
 * @param label    its name
 * @param total    measures in the group that match the filter
 * @param closed   of which 已销号
 * @param overdue  of which overdue
 * @param carried  of which carried over into the next meeting's ledger (已转入下年度)
 */
public record LedgerGroup(LedgerGrouping grouping, long key, String label, long total, long closed, long overdue,
                          long carried) {

    /** Still to be worked on here: neither closed nor carried over. */
    public long open() {
        return total - closed - carried;
    }
}
