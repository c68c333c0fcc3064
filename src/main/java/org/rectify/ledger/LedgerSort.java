package org.rectify.ledger;

/** A column the ledger may be sorted by; the default is the paper ledger's order (meeting, problem, measure). */
public record LedgerSort(Field field, boolean ascending) {

    public enum Field {
        DEADLINE, UNIT, LEADER, STATUS, PROGRESS, CATEGORY
    }
}
