package org.rectify.ledger.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.rectify.ledger.Problem;

/**
 * A panel another feature adds to a ledger item's page (e.g. 疑似反复出现), so that the ledger need not know the
 * features built on it. Implementations are Spring beans; the item page asks each in turn.
 */
public interface ProblemPanel {

    /** The panel for this problem, or empty when there is nothing to show (or the user may not see it). */
    Optional<Component> panel(Problem problem);
}
