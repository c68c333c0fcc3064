package org.rectify.ledger;

import org.rectify.base.domain.Labelled;

/** The steps of a ledger item's timeline. */
public enum EventKind implements Labelled {
    CREATED, EDITED, PROGRESS, CLOSE_REQUESTED, CLOSED, RETURNED, EXTENSION_REQUESTED, EXTENSION_APPROVED,
    EXTENSION_REFUSED, URGED, CARRIED_OVER, HANDED_OVER;

    @Override
    public String messagePrefix() {
        return "event";
    }
}
