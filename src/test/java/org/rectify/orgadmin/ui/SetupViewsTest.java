package org.rectify.orgadmin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemSource;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.orgadmin.PeopleService;
import org.rectify.orgadmin.UnitAdminService.UnitNode;
import org.rectify.security.Actor;
import org.rectify.security.Role;
import org.rectify.security.UserService;
import org.rectify.security.ui.ChangePasswordView;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.SetupH2Test;
import org.rectify.testing.TestConfig;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The office's set-up pages, browserless: units, people (deactivation, logins), categories; the first login. */
@SetupH2Test
class SetupViewsTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    PeopleService people;

    @BeforeEach
    void setUp() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @Test
    void aUnitIsCreatedUnderItsParentAndAMissingCodeIsMarkedAtTheField() {
        UI.getCurrent().navigate(UnitsView.class);
        _click(button("create-unit"));
        _setValue(text("unit-name"), "宣传科" + N.incrementAndGet());
        _click(button("save-unit"));
        assertThat(text("unit-code").isInvalid()).isTrue();
        assertThat(text("unit-code").getErrorMessage()).isEqualTo("此项为必填项。");

        _setValue(text("unit-code"), "XCK" + N.get());
        _setValue(select("unit-kind"), UnitKind.DEPARTMENT);
        ComboBox<Unit> parent = combo("unit-parent");
        _setValue(parent, parent.getListDataView().getItems()
                .filter(u -> u.getCode().equals(LedgerFixture.ROOT)).findFirst().orElseThrow());
        _click(button("save-unit"));
        assertThat(_find(TextField.class, spec -> spec.withId("unit-name"))).as("dialog closed").isEmpty();
        @SuppressWarnings("unchecked")
        TreeGrid<UnitNode> grid = _get(TreeGrid.class, spec -> spec.withId("units-grid"));
        UnitNode root = GridKt._get(grid, 0);
        assertThat(root.unit().getCode()).isEqualTo(LedgerFixture.ROOT);
        assertThat(root.children()).extracting(n -> n.unit().getName()).contains("宣传科" + N.get());
    }

    @Test
    void deactivatingSomeoneWithOpenItemsAsksForASuccessor() {
        Person leaving = people.create(new PeopleService.PersonDraft("待停用委员" + N.incrementAndGet(), null, null,
                fixture.id(LedgerFixture.ROOT), Position.COMMITTEE_MEMBER, true));
        context.getBean(ProblemService.class).create(new ProblemService.ProblemDraft(null, null,
                fixture.id(LedgerFixture.CURRENT_MEETING), ProblemScope.TEAM, null, ProblemSource.STUDY,
                fixture.categoryId("作风"), "停用测试问题" + N.get(), null, List.of(new ProblemService.MeasureDraft(
                null, null, "停用测试措施", leaving.getId(), fixture.id(LedgerFixture.A), null, MeasureType.PHASED,
                TestConfig.TODAY.plusDays(20)))));
        UI.getCurrent().navigate(PeopleView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("people-search")), leaving.getName());
        @SuppressWarnings("unchecked")
        Grid<PeopleService.PersonRow> grid = _get(Grid.class, spec -> spec.withId("people-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).openItems()).isEqualTo(1);
        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withText("停用")));
        _click(button("confirm-deactivate"));
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText()).contains("须指定接替人");
        assertThat(people.get(leaving.getId()).isActive()).isTrue();
        ComboBox<Person> successor = combo("successor");
        _setValue(successor, successor.getListDataView().getItems()
                .filter(p -> p.getName().equals(LedgerFixture.MEMBER)).findFirst().orElseThrow());
        _click(button("confirm-deactivate"));
        assertThat(people.get(leaving.getId()).isActive()).isFalse();
        assertThat(context.getBean(ProblemService.class).openItemsOf(fixture.id(LedgerFixture.MEMBER)))
                .extracting(org.rectify.ledger.Measure::getContent).contains("停用测试措施");
    }

    @Test
    void loginsForEveryContactWithoutOneAreCreatedInOneStep() {
        String tag = "qx" + N.incrementAndGet() + "z";
        long unitB = fixture.id(LedgerFixture.B);
        people.create(new PeopleService.PersonDraft("联络员丙" + tag, "bing" + tag + "@test.example.org", null, unitB,
                Position.LIAISON, false));
        people.create(new PeopleService.PersonDraft("联络员丁" + tag, "ding" + tag + "@test.example.org", null, unitB,
                Position.LIAISON, false));
        UI.getCurrent().navigate(PeopleView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("people-search")), tag);
        _setValue(select("people-position"), Position.LIAISON);
        _click(button("create-logins"));
        @SuppressWarnings("unchecked")
        Grid<Object> planned = _get(Grid.class, spec -> spec.withId("logins-grid"));
        assertThat(GridKt._size(planned)).isEqualTo(2);
        _click(button("run-create-logins"));
        @SuppressWarnings("unchecked")
        Grid<UserService.Credentials> created = _get(Grid.class, spec -> spec.withId("credentials-grid"));
        assertThat(GridKt._size(created)).isEqualTo(2);
        List<UserService.Credentials> rows = List.of(GridKt._get(created, 0), GridKt._get(created, 1));
        assertThat(rows).extracting(UserService.Credentials::username)
                .containsExactlyInAnyOrder("bing" + tag, "ding" + tag);
        assertThat(rows).allSatisfy(c -> assertThat(c.password()).hasSize(12));
    }

    @Test
    void aFirstLoginLeadsToThePasswordChangeWhateverPageIsAsked() {
        Karibu.stop();
        Actor office = fixture.actor(LedgerFixture.OFFICE);
        TestLogin.asFirstLogin(new Actor(office.userId(), office.username(), office.displayName(), Role.OFFICE,
                null, null));
        Karibu.start(context);
        UI.getCurrent().navigate("ledger");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(ChangePasswordView.class);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("first-login"))
                .getText()).contains("第一次登录");
    }
}
