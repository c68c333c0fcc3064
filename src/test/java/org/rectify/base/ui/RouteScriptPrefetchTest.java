package org.rectify.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.frontend.BundleUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.dashboard.ui.DashboardView;
import org.rectify.disclosure.ui.DisclosureView;
import org.rectify.ledger.ui.LedgerView;
import org.rectify.ledger.ui.MeasureDetailView;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Which view's scripts index.html starts loading: the page the address opens, the root meaning each role's start
 * page. (That the browser then loads them while the server works is checked in production by DashboardE2EIT.)
 */
@H2Test
class RouteScriptPrefetchTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    RouteScriptPrefetch prefetch;

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    private Object viewOf(String login, String path) {
        fixture.login(login);
        Karibu.start(context);
        return prefetch.view(VaadinService.getCurrent(), path).orElse(null);
    }

    @Test
    void theRootMeansTheRolesStartPage() {
        assertThat(viewOf(LedgerFixture.OFFICE, "")).isEqualTo(DashboardView.class);
        Karibu.stop();
        assertThat(viewOf(LedgerFixture.PARTY_MEMBER, "")).isEqualTo(DisclosureView.class);
    }

    @Test
    void otherAddressesTheirOwnViewAndUnknownOnesNone() {
        assertThat(viewOf(LedgerFixture.OFFICE, "ledger")).isEqualTo(LedgerView.class);
        assertThat(prefetch.view(VaadinService.getCurrent(), "ledger/item/42")).contains(MeasureDetailView.class);
        assertThat(prefetch.view(VaadinService.getCurrent(), "no/such/page")).isEmpty();
    }

    @Test
    void theScriptAsksVaadinsLoaderForTheViewsChunkOnceTheFirstRequestStarts() {
        String dashboard = BundleUtils.getChunkId(DashboardView.class);
        assertThat(RouteScriptPrefetch.chunkIds(DashboardView.class)).first().isEqualTo(dashboard);
        String script = RouteScriptPrefetch.script(RouteScriptPrefetch.chunkIds(DashboardView.class));
        assertThat(script).contains("'" + dashboard + "'", "next === 'loading'", "window.Vaadin.Flow.loadOnDemand");
    }
}
