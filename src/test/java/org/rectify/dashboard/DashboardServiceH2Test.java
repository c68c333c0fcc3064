package org.rectify.dashboard;

import org.rectify.testing.H2Test;

/** The dashboard's numbers on the embedded H2. */
@H2Test
class DashboardServiceH2Test extends DashboardServiceContract {
}
