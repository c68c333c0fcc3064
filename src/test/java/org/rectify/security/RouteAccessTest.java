package org.rectify.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.WildcardParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rectify.base.ui.HomeView;
import org.rectify.dashboard.ui.DashboardView;
import org.rectify.disclosure.ui.DisclosureManageView;
import org.rectify.disclosure.ui.DisclosurePrintView;
import org.rectify.disclosure.ui.DisclosureView;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ui.LedgerView;
import org.rectify.ledger.ui.MeasureDetailView;
import org.rectify.ledger.ui.ProblemEditorView;
import org.rectify.mail.ui.MailLogView;
import org.rectify.meeting.ui.MeetingEditorView;
import org.rectify.meeting.ui.MeetingView;
import org.rectify.meeting.ui.MeetingsView;
import org.rectify.orgadmin.ui.CategoriesView;
import org.rectify.orgadmin.ui.PeopleView;
import org.rectify.orgadmin.ui.UnitsView;
import org.rectify.report.ui.BulletinView;
import org.rectify.security.ui.ChangePasswordView;
import org.rectify.security.ui.LoginLogView;
import org.rectify.security.ui.UsersView;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.Refusal;
import org.rectify.testing.TestConfig;
import org.rectify.testing.TestLogin;
import org.rectify.testing.WorkflowH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every route as every role (and logged out): the page, or the friendly refusal — never a page the role should
 * not reach. The routes are found by scanning for {@code @Route}, so a new page cannot slip past; what each role
 * must reach is written out below from DOMAIN.md and checked against the views' annotations, so a wrong
 * annotation fails here as well as in the walk.
 */
@WorkflowH2Test
class RouteAccessTest {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> LEDGER_USERS = EnumSet.of(Role.OFFICE, Role.LEADER, Role.UNIT_CONTACT);
    private static final Set<Role> OFFICE_AND_LEADERS = EnumSet.of(Role.OFFICE, Role.LEADER);
    private static final Set<Role> OFFICE = EnumSet.of(Role.OFFICE);

    /**
     * Who must be able to open each page, from DOMAIN.md's table of users: the office everything; leaders the
     * dashboards, the ledger and the meetings with their reports; unit contacts the ledger of their unit; party
     * members the disclosure only. The start page, the password change and the disclosure are for every login.
     */
    private static final Map<Class<? extends Component>, Set<Role>> MUST_REACH = Map.ofEntries(
            Map.entry(HomeView.class, EVERYONE),
            Map.entry(ChangePasswordView.class, EVERYONE),
            Map.entry(DisclosureView.class, EVERYONE),
            Map.entry(DisclosurePrintView.class, EVERYONE),
            Map.entry(DashboardView.class, LEDGER_USERS),
            Map.entry(LedgerView.class, LEDGER_USERS),
            Map.entry(MeasureDetailView.class, LEDGER_USERS),
            Map.entry(MeetingsView.class, OFFICE_AND_LEADERS),
            Map.entry(MeetingView.class, OFFICE_AND_LEADERS),
            Map.entry(BulletinView.class, OFFICE_AND_LEADERS),
            Map.entry(ProblemEditorView.class, OFFICE),
            Map.entry(MeetingEditorView.class, OFFICE),
            Map.entry(UnitsView.class, OFFICE),
            Map.entry(PeopleView.class, OFFICE),
            Map.entry(CategoriesView.class, OFFICE),
            Map.entry(UsersView.class, OFFICE),
            Map.entry(LoginLogView.class, OFFICE),
            Map.entry(MailLogView.class, OFFICE),
            Map.entry(DisclosureManageView.class, OFFICE));

    /** Logged out, no Vaadin page opens: the login page is a plain form outside Vaadin, every address leads to it. */
    private static final Set<Class<? extends Component>> ANONYMOUS_MAY_REACH = Set.of();

    /** The fixture's login of each role: a contact of a unit with a sub-unit, the secretary, a member. */
    private static final Map<Role, String> LOGIN = Map.of(
            Role.OFFICE, LedgerFixture.OFFICE,
            Role.LEADER, LedgerFixture.LEADER_SECRETARY,
            Role.UNIT_CONTACT, LedgerFixture.CONTACT_A,
            Role.MEMBER, LedgerFixture.PARTY_MEMBER);

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;

    @AfterEach
    void tearDown() {
        if (UI.getCurrent() != null) {
            Karibu.stop();
        }
        TestLogin.logout();
    }

    /** The @Route classes of the portal, found on the class path. */
    @SuppressWarnings("unchecked")
    static Set<Class<? extends Component>> scannedRoutes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<Class<? extends Component>> routes = new java.util.HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.rectify")) {
            try {
                routes.add((Class<? extends Component>) Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    /** Who the view's security annotations let in; none at all means nobody (Vaadin denies by default). */
    static Set<Role> declared(Class<?> view) {
        if (view.isAnnotationPresent(DenyAll.class)) {
            return EnumSet.noneOf(Role.class);
        }
        if (view.isAnnotationPresent(AnonymousAllowed.class) || view.isAnnotationPresent(PermitAll.class)) {
            return EnumSet.allOf(Role.class);
        }
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        return allowed == null ? EnumSet.noneOf(Role.class) : Arrays.stream(allowed.value()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static String name(Class<?> view) {
        return view.getSimpleName();
    }

    @Test
    void everyRouteIsInTheTableAndRegisteredWithVaadin() {
        Set<Class<? extends Component>> scanned = scannedRoutes();
        assertThat(scanned).as("the scan finds the portal's pages").hasSizeGreaterThanOrEqualTo(15)
                .contains(LedgerView.class, UsersView.class, LoginLogView.class);
        assertThat(names(scanned)).as("every page says who must reach it (add a new one to MUST_REACH)")
                .isEqualTo(names(MUST_REACH.keySet()));
        assertThat(LOGIN.keySet()).as("every role is walked").isEqualTo(EVERYONE);

        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
        Set<Class<?>> registered = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget).collect(Collectors.toSet());
        assertThat(names(registered)).as("what Vaadin serves is what was scanned").isEqualTo(names(scanned));
    }

    @Test
    void theAnnotationsLetInExactlyWhoTheTableSays() {
        Map<String, String> wrong = new java.util.TreeMap<>();
        for (Class<? extends Component> view : scannedRoutes()) {
            Set<Role> expected = MUST_REACH.getOrDefault(view, Set.of());
            if (!declared(view).equals(expected)) {
                wrong.put(name(view), "annotated " + declared(view) + ", expected " + expected);
            }
            boolean anonymous = view.isAnnotationPresent(AnonymousAllowed.class);
            if (anonymous != ANONYMOUS_MAY_REACH.contains(view)) {
                wrong.put(name(view), "anonymous access " + anonymous);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Set<String> names(Set<? extends Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the view needs a parameter in its address (a {@code HasUrlParameter} without an optional one). */
    static boolean needsParameter(Class<?> view) {
        if (!HasUrlParameter.class.isAssignableFrom(view)) {
            return false;
        }
        for (Method m : view.getDeclaredMethods()) {
            if (m.getName().equals("setParameter") && !m.isBridge() && m.getParameterCount() == 2
                    && m.getParameterTypes()[0] == BeforeEvent.class) {
                return Arrays.stream(m.getParameterAnnotations()[1]).noneMatch(
                        a -> a instanceof OptionalParameter || a instanceof WildcardParameter);
            }
        }
        throw new IllegalStateException(view + " has no setParameter");
    }

    /**
     * Valid parameters, from the fixture: an item of unit A (in the walked contact's scope), this year's meeting
     * and its first problem. Pages with an optional parameter are walked both without and with it.
     */
    private Map<Class<?>, List<String>> parameters() {
        String meeting = String.valueOf(fixture.id(LedgerFixture.CURRENT_MEETING));
        return Map.of(
                MeasureDetailView.class, List.of(String.valueOf(fixture.id("M-OVERDUE"))),
                MeetingView.class, List.of(meeting),
                BulletinView.class, List.of(meeting),
                MeetingEditorView.class, List.of(meeting),
                ProblemEditorView.class, List.of(String.valueOf(fixture.id("P1"))));
    }

    /** Each page's addresses: its route, and its route with each valid parameter. */
    private Map<String, Class<? extends Component>> addresses() {
        fixture.ensure();
        Map<Class<?>, List<String>> params = parameters();
        Map<String, Class<? extends Component>> addresses = new LinkedHashMap<>();
        scannedRoutes().stream().sorted(java.util.Comparator.comparing(Class::getName)).forEach(view -> {
            String path = view.getAnnotation(Route.class).value();
            boolean needs = needsParameter(view);
            assertThat(!needs || params.containsKey(view)).as("%s needs a parameter to walk", name(view)).isTrue();
            if (!needs) {
                addresses.put(path, view);
            }
            for (String p : params.getOrDefault(view, List.of())) {
                addresses.put(path + "/" + p, view);
            }
        });
        return addresses;
    }

    /** The page a role lands on when it may open the address: the start page forwards by role. */
    private static Class<?> landing(Class<?> view, Role role) {
        if (view == HomeView.class) {
            return role == Role.MEMBER ? DisclosureView.class : DashboardView.class;
        }
        return view;
    }

    private static Component shown() {
        return (Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleOnEveryRouteSeesThePageOrTheFriendlyRefusal() {
        Map<String, Class<? extends Component>> addresses = addresses();
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Map.Entry<String, Class<? extends Component>> a : addresses.entrySet()) {
                String address = a.getKey();
                Class<? extends Component> view = a.getValue();
                boolean may = MUST_REACH.get(view).contains(role);
                tests.add(DynamicTest.dynamicTest(role + (may ? " opens /" : " is refused /") + address,
                        () -> visit(LOGIN.get(role), address, () -> {
                            if (may) {
                                assertShown(landing(view, role));
                            } else {
                                Refusal.assertRefused();
                                assertThat(_find(view)).as("nothing of the page itself").isEmpty();
                            }
                        })));
            }
        }
        for (Map.Entry<String, Class<? extends Component>> a : addresses.entrySet()) {
            Class<? extends Component> view = a.getValue();
            tests.add(DynamicTest.dynamicTest("logged out, /" + a.getKey() + " leads to the login",
                    () -> visit(null, a.getKey(), () -> {
                        // Vaadin sends the browser on to the login page, a plain form outside Vaadin (the HTTP
                        // redirect is LoginRedirectTest's); here: nothing of the page is built.
                        assertThat(_find(view)).as("nothing of the page itself").isEmpty();
                        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                                .noneMatch(view::isInstance);
                    })));
        }
        return tests.stream();
    }

    /** Opens the address in a new UI as the login (null: logged out), then checks what is shown. */
    private void visit(String login, String address, Runnable check) {
        if (login == null) {
            TestLogin.logout();
        } else {
            fixture.login(login);
        }
        Karibu.start(context);
        try {
            UI.getCurrent().navigate(address);
            check.run();
        } finally {
            Karibu.stop();
        }
    }

    /** The page itself: not a refusal, not-found or failure page, and no in-page refusal or not-found message. */
    private static void assertShown(Class<?> expected) {
        Component shown = shown();
        assertThat(shown).as("no error page").isNotInstanceOf(HasErrorParameter.class);
        assertThat(shown).isInstanceOf(expected);
        assertThat(_find(Div.class, spec -> spec.withId("refused"))).as("no in-page refusal").isEmpty();
        assertThat(_find(Component.class, spec -> spec.withClasses("not-found"))).as("no not-found message")
                .isEmpty();
    }

    @Test
    void theMenuOffersOnlyPagesTheRoleMayOpen() {
        for (Role role : Role.values()) {
            visit(LOGIN.get(role), "", () -> {
                List<String> paths = _find(SideNavItem.class).stream().map(SideNavItem::getPath)
                        .filter(java.util.Objects::nonNull).toList();
                assertThat(paths).as("%s has a menu", role).isNotEmpty();
                for (String path : paths) {
                    Class<? extends Component> target = RouteConfiguration.forApplicationScope()
                            .getRoute(path.replaceFirst("^/", "")).orElseThrow();
                    assertThat(MUST_REACH.get(target)).as("%s's menu links %s", role, path).contains(role);
                }
            });
        }
    }

    /** The refusal of a ledger item outside the contact's scope: the same whether it exists or not. */
    private static void assertItemRefused(long id) {
        String refusal = BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withId("refused")));
        assertThat(refusal).isEqualTo("无权查看或不存在：编号为“" + id + "”的整改事项不在您的查看范围内，或已不存在。");
        assertThat(BasicUtilsKt.get_textRecursively(_get(MeasureDetailView.class)))
                .as("nothing of the item").contains("无权查看").doesNotContain("测试措施", "部门", "书记甲", "委员乙");
        assertThat(_find(_get(MeasureDetailView.class), Button.class)).as("no action").isEmpty();
    }

    @Test
    void aUnitContactOpeningAnotherUnitsItemByIdIsRefused() {
        long ownUnit = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED,
                TestConfig.TODAY.plusDays(10));
        long subUnit = fixture.freshItem(LedgerFixture.A1, LedgerFixture.SECRETARY, MeasureType.PHASED,
                TestConfig.TODAY.plusDays(10));
        long otherUnit = fixture.freshItem(LedgerFixture.B, LedgerFixture.MEMBER, MeasureType.PHASED,
                TestConfig.TODAY.plusDays(10));
        long parentUnit = ownUnit;
        long missing = 987_654_321L;

        visit(LedgerFixture.CONTACT_A, "ledger/item/" + subUnit, () -> assertShown(MeasureDetailView.class));
        visit(LedgerFixture.CONTACT_A, "ledger/item/" + otherUnit, () -> assertItemRefused(otherUnit));
        visit(LedgerFixture.CONTACT_A, "ledger/item/" + missing, () -> assertItemRefused(missing));
        visit(LedgerFixture.CONTACT_B, "ledger/item/" + ownUnit, () -> assertItemRefused(ownUnit));
        visit(LedgerFixture.CONTACT_A1, "ledger/item/" + parentUnit, () -> assertItemRefused(parentUnit));
        visit(LedgerFixture.CONTACT_A1, "ledger/item/" + subUnit, () -> assertShown(MeasureDetailView.class));
        // Leaders and the office see every unit's items.
        visit(LedgerFixture.LEADER_MEMBER, "ledger/item/" + ownUnit, () -> assertShown(MeasureDetailView.class));
        visit(LedgerFixture.OFFICE, "ledger/item/" + otherUnit, () -> assertShown(MeasureDetailView.class));
        // A member is refused the item's page as a whole, like any ledger page.
        visit(LedgerFixture.PARTY_MEMBER, "ledger/item/" + ownUnit, Refusal::assertRefused);
    }
}
