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
import java.util.List;
import com.vaadin.flow.router.QueryParameters;
import org.rectify.dashboard.DashboardService;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.ui.LedgerUrl;
import org.rectify.meeting.Meeting;
import org.rectify.org.Unit;
import org.rectify.ledger.LedgerFilter;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The dashboard's first answer started with the page: the same figures, only for the same selection, used once. */
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
    @Autowired
    LedgerService ledger;

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

    private static List<Long> ids(List<?> entities) {
        return entities.stream().map(e -> e instanceof Meeting m ? m.getId() : ((Unit) e).getId()).toList();
    }

    @Test
    void thePreloadedAnswerIsWhatTheViewWouldQueryAndIsTakenOnce() {
        VaadinSession session = startedAs(LedgerFixture.OFFICE);
        DashboardPreload.FirstAnswer first = preload.take(session).orElseThrow();
        LedgerFilter selection = dashboard.defaultSelection();
        assertThat(first.selection()).isEqualTo(selection);
        assertThat(first.dashboard()).isEqualTo(dashboard.load(selection));
        assertThat(first.notices()).isEqualTo(dashboard.notices(selection));
        assertThat(ids(first.options().meetings())).isEqualTo(ids(ledger.filterOptions().meetings()));
        assertThat(ids(first.options().units())).isEqualTo(ids(ledger.filterOptions().units()));
        assertThat(preload.take(session)).as("taken once").isEmpty();
    }

    @Test
    void aUnitContactsPreloadIsTheirScopeOnly() {
        VaadinSession session = startedAs(LedgerFixture.CONTACT_A1);
        DashboardPreload.FirstAnswer first = preload.take(session).orElseThrow();
        assertThat(first.dashboard()).isEqualTo(dashboard.load(first.selection()));
        assertThat(ids(first.options().units())).isEqualTo(ids(ledger.filterOptions().units()));
        Karibu.stop();
        signIn(LedgerFixture.OFFICE);
        assertThat(first.dashboard().kpis().total()).as("run as the contact, not as anyone else")
                .isLessThan(dashboard.load(dashboard.defaultSelection()).kpis().total());
        assertThat(first.options().units()).hasSizeLessThan(ledger.filterOptions().units().size());
    }

    private static DashboardView view() {
        return (DashboardView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    @Test
    void theViewShowsWhatWasStartedForItOnceThenQueriesItself() {
        VaadinSession session = startedAs(LedgerFixture.OFFICE);
        DashboardService.Dashboard started = session.getAttribute(DashboardPreload.Started.class).result.join()
                .dashboard();
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(session.getAttribute(DashboardPreload.Started.class)).as("taken").isNull();
        assertThat(view().shown()).as("shown as preloaded, not queried again").isSameAs(started);
        UI.getCurrent().navigate(DashboardView.class, QueryParameters.of(LedgerUrl.UNIT, ""));
        assertThat(view().shown()).as("the next answer queries").isNotSameAs(started).isEqualTo(started);
    }

    @Test
    void anotherSelectionIsNotAnsweredFromIt() {
        VaadinSession session = startedAs(LedgerFixture.OFFICE);
        long unit = fixture.id(LedgerFixture.A);
        UI.getCurrent().navigate(DashboardView.class, QueryParameters.of(LedgerUrl.UNIT, String.valueOf(unit)));
        assertThat(view().shown()).isEqualTo(dashboard.load(dashboard.defaultSelection().setUnitId(unit)));
        assertThat(session.getAttribute(DashboardPreload.Started.class)).as("dropped, not kept for later").isNull();
    }

    @Test
    void anAnswerNobodyTakesLeavesTheSession() throws InterruptedException {
        signIn(LedgerFixture.OFFICE);
        VaadinSession session = VaadinSession.getCurrent();
        preload.start(session, java.time.Duration.ofMillis(100));
        DashboardPreload.Started started = session.getAttribute(DashboardPreload.Started.class);
        started.result.join();
        long deadline = System.currentTimeMillis() + 10_000;
        // The removal waits for the session's lock, which the test holds: releasing it runs what waits.
        while (session.getAttribute(DashboardPreload.Started.class) != null
                && System.currentTimeMillis() < deadline) {
            session.unlock();
            Thread.sleep(50);
            session.lock();
        }
        assertThat(session.getAttribute(DashboardPreload.Started.class)).as("dropped, the user went elsewhere")
                .isNull();
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
