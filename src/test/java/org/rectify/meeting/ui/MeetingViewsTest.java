package org.rectify.meeting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingStatus;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.SetupH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Meetings, browserless: the form and its rules, the meeting page, the filing, the carry-over dialog. */
@SetupH2Test
class MeetingViewsTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    MeetingService meetings;
    @Autowired
    ProblemService problems;

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

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private Meeting meeting(LocalDate heldOn, Integer filingDays) {
        return meetings.save(new MeetingService.MeetingDraft(null, null, "页面测试会议" + N.incrementAndGet(),
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), heldOn.getYear() - 1, heldOn, "主题",
                "指导组", 3, 4, MeetingStatus.RECTIFYING, filingDays, null, List.of()));
    }

    @Test
    void aNewMeetingIsSavedWithItsSuggestedTitleAndOpensItsPage() {
        UI.getCurrent().navigate(MeetingEditorView.class);
        _setValue(select("meeting-status"), MeetingStatus.HELD);
        _click(button("save-meeting"));
        assertThat(_get(DatePicker.class, spec -> spec.withId("meeting-held-on")).isInvalid()).isTrue();

        _setValue(_get(DatePicker.class, spec -> spec.withId("meeting-held-on")), TODAY.plusDays(3));
        _click(button("save-meeting"));
        assertThat(select("meeting-status").getErrorMessage()).isEqualTo(
                "会议日期在今天之后，状态只能是“筹备中”。");

        _setValue(_get(DatePicker.class, spec -> spec.withId("meeting-held-on")), TODAY.minusDays(2));
        _setValue(_get(IntegerField.class, spec -> spec.withId("meeting-year")), 2026);
        assertThat(_get(TextField.class, spec -> spec.withId("meeting-title")).getValue())
                .isEqualTo("测试党委2026年度民主生活会");
        _click(button("save-meeting"));
        MeetingView page = _get(MeetingView.class);
        assertThat(page.getPageTitle()).startsWith("测试党委2026年度民主生活会");
        assertThat(_get(Div.class, spec -> spec.withId("filing-box")).getElement().getTextRecursively())
                .contains("会后 15 天内").contains(TODAY.plusDays(13).toString());
    }

    @Test
    void aLateFilingIsShownAndRecorded() {
        Meeting late = meeting(TODAY.minusDays(30), 15);
        UI.getCurrent().navigate(MeetingView.class, late.getId());
        Div filing = _get(Div.class, spec -> spec.withId("filing-box"));
        assertThat(filing.getClassNames()).contains("overdue");
        assertThat(filing.getElement().getTextRecursively()).contains("逾期未报备");
        _setValue(_get(DatePicker.class, spec -> spec.withId("filed-on")), TODAY.minusDays(1));
        _click(button("mark-filed"));
        Div after = _get(Div.class, spec -> spec.withId("filing-box"));
        assertThat(after.getElement().getTextRecursively()).contains("已于 " + TODAY.minusDays(1) + " 报备");
        assertThat(_find(Button.class, spec -> spec.withId("mark-filed"))).isEmpty();
    }

    @Test
    void theCarryOverDialogTakesTheChosenItemsOfThePreviousMeeting() {
        Meeting previous = meeting(TODAY.minusDays(400), 15);
        Meeting current = meeting(TODAY.minusDays(20), 15);
        problems.create(new ProblemService.ProblemDraft(null, null, previous.getId(), ProblemScope.TEAM, null,
                ProblemSource.STUDY, fixture.categoryId("作风"), "去年未完成的问题" + N.incrementAndGet(), null, List.of(
                new ProblemService.MeasureDraft(null, null, "去年措施一", fixture.id(LedgerFixture.SECRETARY),
                        fixture.id(LedgerFixture.A), null, MeasureType.PHASED, TODAY.minusDays(100)),
                new ProblemService.MeasureDraft(null, null, "去年措施二", fixture.id(LedgerFixture.SECRETARY),
                        fixture.id(LedgerFixture.A), null, MeasureType.LONG_TERM, null))));
        UI.getCurrent().navigate(MeetingView.class, current.getId());
        _click(button("carry-over"));
        CarryOverDialog dialog = _get(CarryOverDialog.class);
        Select<Meeting> source = select("carry-source");
        assertThat(source.getValue().getHeldOn()).as("the meeting just before, by default")
                .isBefore(current.getHeldOn());
        _setValue(source, source.getListDataView().getItems().filter(x -> x.getId().equals(previous.getId()))
                .findFirst().orElseThrow());
        Grid<Measure> grid = dialog.grid();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(button("carry-run").isEnabled()).isFalse();
        grid.select(GridKt._get(grid, 0));
        assertThat(button("carry-run").getText()).isEqualTo("结转所选 1 项");
        _click(button("carry-run"));
        assertThat(_find(CarryOverDialog.class)).isEmpty();
        assertThat(context.getBean(org.rectify.ledger.LedgerService.class).totals(
                new org.rectify.ledger.LedgerFilter().setMeetingId(current.getId())).total()).isEqualTo(1);
    }

    @Test
    void aLateFilingIsAnAlertOnTheDashboardAndInTheOfficesDailyMail() {
        Meeting late = meeting(TODAY.minusDays(40), 15);
        problems.create(new ProblemService.ProblemDraft(null, null, late.getId(), ProblemScope.TEAM, null,
                ProblemSource.STUDY, fixture.categoryId("作风"), "报备提醒问题" + N.incrementAndGet(), null, List.of(
                new ProblemService.MeasureDraft(null, null, "报备提醒措施", fixture.id(LedgerFixture.SECRETARY),
                        fixture.id(LedgerFixture.A), null, MeasureType.PHASED, TODAY.plusDays(10)))));
        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.of("meeting",
                String.valueOf(late.getId())));
        Div notices = _get(Div.class, spec -> spec.withId("dashboard-notices"));
        assertThat(notices.getElement().getTextRecursively()).contains(late.getTitle())
                .contains("已超期 25 天");

        context.getBean(org.rectify.mail.ReminderService.class).runDailyDigest();
        org.rectify.mail.OutboxMail mail = context.getBean(org.rectify.mail.OutboxRepository.class).findAll()
                .stream().filter(x -> x.getIdemKey().equals("DIGEST:OFFICE:" + TODAY)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("个会议的整改清单逾期未报备");
        assertThat(mail.getBodyText()).contains(late.getTitle()).contains("已超期25天");
    }

    @Test
    void leadersSeeTheMeetingButNotTheOfficesActions() {
        Meeting m = meeting(TODAY.minusDays(5), 15);
        Karibu.stop();
        fixture.login(LedgerFixture.LEADER_SECRETARY);
        Karibu.start(context);
        UI.getCurrent().navigate(MeetingView.class, m.getId());
        assertThat(_find(Button.class, spec -> spec.withId("open-ledger"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("edit-meeting"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("import-ledger"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("mark-filed"))).isEmpty();
    }
}
