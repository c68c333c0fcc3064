package org.rectify.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.dashboard.DashboardService;
import org.rectify.ledger.LedgerFilter;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The dashboard's queries started with the page: the same figures, only for the same selection, used once. */
@H2Test
class DashboardPreloadTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    DashboardService dashboard;
    @Autowired
    DashboardPreload preload;

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    private void signIn(String login) {
        fixture.login(login);
        Karibu.start(context);
    }

    /** Signed in as {@code login}, with the default dashboard started as index.html would start it. */
    private VaadinSession startedAs(String login) {
        signIn(login);
        VaadinSession session = VaadinSession.getCurrent();
        preload.start(session);
        return session;
    }

    @Test
    void thePreloadedDashboardIsTheOneTheViewWouldLoadAndIsTakenOnce() {
        VaadinSession session = startedAs(LedgerFixture.OFFICE);
        LedgerFilter selection = dashboard.defaultSelection();
        assertThat(preload.take(session, selection)).contains(dashboard.load(selection));
        assertThat(preload.take(session, selection)).as("taken once").isEmpty();
    }

    @Test
    void aUnitContactsPreloadIsTheirScopeOnly() {
        VaadinSession session = startedAs(LedgerFixture.CONTACT_A1);
        LedgerFilter selection = dashboard.defaultSelection();
        DashboardService.Dashboard preloaded = preload.take(session, selection).orElseThrow();
        assertThat(preloaded).isEqualTo(dashboard.load(selection));
        Karibu.stop();
        signIn(LedgerFixture.OFFICE);
        assertThat(preloaded.kpis().total()).as("run as the contact, not as anyone else")
                .isLessThan(dashboard.load(dashboard.defaultSelection()).kpis().total());
    }

    @Test
    void anotherSelectionIsNotAnsweredFromIt() {
        VaadinSession session = startedAs(LedgerFixture.OFFICE);
        LedgerFilter unit = dashboard.defaultSelection().setUnitId(fixture.id(LedgerFixture.A));
        assertThat(preload.take(session, unit)).isEmpty();
        assertThat(preload.take(session, dashboard.defaultSelection())).as("dropped, not kept for later").isEmpty();
    }

    @Test
    void theViewShowsWhatWasStartedForIt() {
        startedAs(LedgerFixture.OFFICE);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(VaadinSession.getCurrent().getAttribute(DashboardPreload.Started.class)).as("taken").isNull();
        long total = dashboard.load(dashboard.defaultSelection()).kpis().total();
        assertThat(BasicUtilsKt.get_textRecursively(_get(Anchor.class, spec -> spec.withId("kpi-total"))))
                .startsWith(String.valueOf(total));
    }

    @Test
    void onlyPlainAddressesThatOpenTheDashboardStartIt() {
        signIn(LedgerFixture.OFFICE);
        VaadinService service = VaadinService.getCurrent();
        assertThat(preload.opensDefaultDashboard(service, "/", true)).isTrue();
        assertThat(preload.opensDefaultDashboard(service, "/dashboard", true)).isTrue();
        assertThat(preload.opensDefaultDashboard(service, "/dashboard", false)).as("a chosen selection").isFalse();
        assertThat(preload.opensDefaultDashboard(service, "/ledger", true)).isFalse();
        Karibu.stop();
        signIn(LedgerFixture.PARTY_MEMBER);
        assertThat(preload.opensDefaultDashboard(VaadinService.getCurrent(), "/", true)).as("members start elsewhere")
                .isFalse();
    }
}
