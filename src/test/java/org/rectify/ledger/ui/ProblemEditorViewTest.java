package org.rectify.ledger.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.details.Details;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.Category;
import org.rectify.ledger.MeasureEventRepository;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemRepository;
import org.rectify.ledger.ProblemSource;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.testing.WorkflowH2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** The office enters a problem with its measures: messages next to the fields, then a saved ledger row. */
@WorkflowH2Test
class ProblemEditorViewTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    ProblemRepository problems;
    @Autowired
    MeasureEventRepository events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.rectify.ledger.MeasureRepository measures;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
        UI.getCurrent().navigate("problems/edit");
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static <T extends AbstractEntity> T item(ComboBox<T> box, long id) {
        return box.getListDataView().getItems().filter(i -> i.getId() == id).findFirst().orElseThrow();
    }

    private static TextArea area(String id) {
        return _get(TextArea.class, spec -> spec.withId(id));
    }

    @Test
    void emptyAndContradictoryInputIsMarkedFieldByField() {
        long before = problems.count();
        _click(_get(Button.class, spec -> spec.withId("save-problem")));
        assertThat(_get(Div.class, spec -> spec.withId("problem-form-error")).getText()).startsWith("有 ");
        assertThat(area("problem-description").isInvalid()).isTrue();
        assertThat(area("problem-description").getErrorMessage()).isEqualTo("此项为必填项。");
        assertThat(combo("problem-source").isInvalid()).isTrue();
        assertThat(area("measure-content-1").isInvalid()).isTrue();
        assertThat(combo("measure-leader-1").getErrorMessage()).isEqualTo("请选择责任领导（班子成员）。");

        // A deadline before the meeting, and an over-long description.
        _setValue(area("problem-description"), "字".repeat(2001));
        DatePicker deadline = _get(DatePicker.class, spec -> spec.withId("measure-deadline-1"));
        _setValue(deadline, LocalDate.of(2025, 12, 1));
        _click(_get(Button.class, spec -> spec.withId("save-problem")));
        assertThat(area("problem-description").getErrorMessage()).isEqualTo("不能超过 2000 个字（当前 2001 个字）。");
        assertThat(deadline.getErrorMessage()).isEqualTo("整改时限不能早于会议日期 2026-01-20。");
        assertThat(problems.count()).as("nothing saved").isEqualTo(before);
    }

    /** The current meeting, a source and the category 纪律: what every new problem in these tests is filed under. */
    private void chooseProblemContext() {
        ComboBox<org.rectify.meeting.Meeting> meeting = combo("problem-meeting");
        _setValue(meeting, item(meeting, fixture.id(LedgerFixture.CURRENT_MEETING)));
        _setValue(combo("problem-source"), ProblemSource.MASS_FEEDBACK);
        ComboBox<Category> category = combo("problem-category");
        _setValue(category, category.getListDataView().getItems().filter(c -> c.getName().equals("纪律"))
                .findFirst().orElseThrow());
    }

    private void chooseLeaderAndUnit(int measure, String leaderKey, String unitKey) {
        ComboBox<org.rectify.org.Person> leader = combo("measure-leader-" + measure);
        _setValue(leader, item(leader, fixture.id(leaderKey)));
        ComboBox<org.rectify.org.Unit> unit = combo("measure-unit-" + measure);
        _setValue(unit, item(unit, fixture.id(unitKey)));
    }

    @Test
    void textsOfOnlyInvisibleCharactersAreMarkedAsMissing() {
        chooseProblemContext();
        chooseLeaderAndUnit(1, LedgerFixture.SECRETARY, LedgerFixture.A);
        _setValue(_get(DatePicker.class, spec -> spec.withId("measure-deadline-1")), TODAY.plusDays(30));
        long before = problems.count();
        for (String blank : new String[] {"\u00A0", "\u200B", "\u3000", "\u00A0\u200B\uFEFF", "\u2060"}) {
            _setValue(area("problem-description"), blank);
            _setValue(area("measure-content-1"), blank);
            _click(_get(Button.class, spec -> spec.withId("save-problem")));
            assertThat(area("problem-description").isInvalid()).isTrue();
            assertThat(area("problem-description").getErrorMessage()).isEqualTo("此项为必填项。");
            assertThat(area("measure-content-1").getErrorMessage()).isEqualTo("此项为必填项。");
            assertThat(_get(Div.class, spec -> spec.withId("problem-form-error")).getText()).startsWith("有 2 ");
        }
        assertThat(problems.count()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aValidProblemIsSavedWithItsMeasuresAndTheNextOneStartsFromTheSameContext() {
        chooseProblemContext();
        _setValue(area("problem-description"), "会风会纪执行不严，个别同志开会迟到早退");
        _setValue(area("measure-content-1"), "严格执行会议签到和请假制度，每季度通报一次");
        chooseLeaderAndUnit(1, LedgerFixture.SECRETARY, LedgerFixture.A);
        assertThat(combo("measure-contact-1").getValue()).as("the unit's contact person is proposed")
                .extracting(p -> ((org.rectify.org.Person) p).getName()).isEqualTo("联络员甲");
        _setValue(_get(DatePicker.class, spec -> spec.withId("measure-deadline-1")), TODAY.plusDays(30));

        _click(_get(Button.class, spec -> spec.withId("add-measure")));
        _setValue(area("measure-content-2"), "将会风会纪纳入年度考核");
        chooseLeaderAndUnit(2, LedgerFixture.MEMBER, LedgerFixture.B);
        @SuppressWarnings("unchecked")
        Select<MeasureType> type2 = _get(Select.class, spec -> spec.withId("measure-type-2"));
        _setValue(type2, MeasureType.LONG_TERM);

        long before = problems.count();
        _click(_get(Button.class, spec -> spec.withId("save-and-next")));
        assertThat(problems.count()).isEqualTo(before + 1);
        tx.executeWithoutResult(s -> {
            var saved = problems.findAll().stream()
                    .filter(p -> p.getDescription().equals("会风会纪执行不严，个别同志开会迟到早退")).findFirst().orElseThrow();
            assertThat(saved.getMeasures()).extracting(m -> m.getContent(), m -> m.getType())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("严格执行会议签到和请假制度，每季度通报一次",
                                    MeasureType.PHASED),
                            org.assertj.core.groups.Tuple.tuple("将会风会纪纳入年度考核", MeasureType.LONG_TERM));
            assertThat(events.findByMeasureIdOrderByHappenedAtDescIdDesc(saved.getMeasures().get(0).getId()))
                    .extracting(e -> e.getKind().name()).containsExactly("CREATED");
        });
        // The next problem starts empty in the same meeting, source, category and owners.
        assertThat(area("problem-description").getValue()).isEmpty();
        assertThat(combo("problem-source").getValue()).isEqualTo(ProblemSource.MASS_FEEDBACK);
        assertThat(((org.rectify.meeting.Meeting) combo("problem-meeting").getValue()).getId())
                .isEqualTo(fixture.id(LedgerFixture.CURRENT_MEETING));
        assertThat(((org.rectify.org.Unit) combo("measure-unit-1").getValue()).getId())
                .isEqualTo(fixture.id(LedgerFixture.A));
    }

    @Test
    void anOfficeDeadlineEditShowsOnTheItemLikeAnExtensionAndItsRevisionsNamePeopleWithOldAndNewValues() {
        LocalDate first = TODAY.plusDays(10);
        LocalDate moved = TODAY.plusDays(45);
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, first);
        long problemId = tx.execute(s -> measures.findById(id).orElseThrow().getProblem().getId());
        UI.getCurrent().navigate("problems/edit/" + problemId);
        DatePicker deadline = _get(DatePicker.class, spec -> spec.withId("measure-deadline-1"));
        _setValue(deadline, moved);
        ComboBox<org.rectify.org.Person> leader = combo("measure-leader-1");
        _setValue(leader, item(leader, fixture.id(LedgerFixture.MEMBER)));
        _click(_get(Button.class, spec -> spec.withId("save-problem")));
        TextField reason = _get(TextField.class, spec -> spec.withId("measure-deadline-reason-1"));
        assertThat(reason.isInvalid()).as("a moved deadline needs a reason").isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("修改整改时限须说明理由。");
        assertThat(measures.findById(id).orElseThrow().getDeadline()).as("nothing saved").isEqualTo(first);

        _setValue(reason, "与专项整治同步推进");
        _click(_get(Button.class, spec -> spec.withId("save-problem")));
        MeasureDetailView item = _get(MeasureDetailView.class);
        String page = BasicUtilsKt.get_textRecursively(item);
        assertThat(page).as("the original deadline stays visible")
                .contains("原定时限" + MeasureBadges.date(first), "整改时限" + MeasureBadges.date(moved));
        String edited = BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withClasses("kind-edited")));
        assertThat(edited).contains("整改时限：" + MeasureBadges.date(first) + " → " + MeasureBadges.date(moved),
                "与专项整治同步推进", "办公室");

        String revisions = BasicUtilsKt.get_textRecursively(_get(Details.class,
                spec -> spec.withClasses("revisions")));
        assertThat(revisions).as("people by name, not by login").contains("办公室").doesNotContain("t-office")
                .contains("责任领导：书记甲 → 委员乙",
                        "整改时限：" + MeasureBadges.date(first) + " → " + MeasureBadges.date(moved),
                        "原定时限：— → " + MeasureBadges.date(first));
    }

    @Test
    void otherRolesCannotOpenTheEditor() {
        fixture.login(LedgerFixture.CONTACT_A);
        UI.getCurrent().navigate("problems/edit");
        org.rectify.testing.Refusal.assertRefused();
    }
}
