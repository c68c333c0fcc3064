package org.rectify.dashboard;

import org.rectify.testing.MariaDbTest;

/** The dashboard's numbers on the real MariaDB server. */
@MariaDbTest
class DashboardServiceMariaDbTest extends DashboardServiceContract {
}
