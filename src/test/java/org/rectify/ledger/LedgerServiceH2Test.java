package org.rectify.ledger;

import org.rectify.testing.H2Test;

/** The ledger queries on the embedded H2 (MySQL mode). */
@H2Test
class LedgerServiceH2Test extends LedgerServiceContract {
}
