package org.rectify.ledger;

import org.rectify.testing.MariaDbTest;

/** The ledger queries on the real MariaDB server, through mysql-connector-j as in production. */
@MariaDbTest
class LedgerServiceMariaDbTest extends LedgerServiceContract {
}
