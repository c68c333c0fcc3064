package org.rectify.ledger.ui;

import com.vaadin.flow.component.Component;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;

/**
 * A control another feature adds to the ledger's header (e.g. the Excel export), acting on what the ledger shows at
 * the moment it is used. Implementations are Spring beans; the ledger does not know them.
 */
public interface LedgerAction {

    /** What the ledger shows: its filter, its grouping, and the filter in words (for a document's subtitle). */
    record Shown(LedgerFilter filter, LedgerGrouping grouping, String description) {
    }

    Component create(java.util.function.Supplier<Shown> shown);
}
