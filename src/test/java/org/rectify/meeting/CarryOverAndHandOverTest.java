package org.rectify.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.testing.TestConfig.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.InvalidActionException;
import org.rectify.ledger.EventKind;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureEvent;
import org.rectify.ledger.MeasureEventRepository;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemService.MeasureDraft;
import org.rectify.ledger.ProblemService.ProblemDraft;
import org.rectify.ledger.ProblemSource;
import org.rectify.ledger.RectificationService;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.rectify.orgadmin.PeopleService;
import org.rectify.orgadmin.PeopleService.PersonDraft;
import org.rectify.recurrence.RecurrenceService;
import org.rectify.recurrence.RecurrenceStatus;
import org.rectify.security.Role;
import org.rectify.security.UserAccountRepository;
import org.rectify.security.UserService;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.TestLogin;
import org.rectify.testing.SetupH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving in and moving on: last year's unfinished items carried into the new meeting (once only, linked both ways,
 * the original frozen with its history), a person who leaves handing their items over, and problems that come
 * back found by their wording.
 */
@SetupH2Test
class CarryOverAndHandOverTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    MeetingService meetings;
    @Autowired
    CarryOverService carryOver;
    @Autowired
    ProblemService problems;
    @Autowired
    RectificationService workflow;
    @Autowired
    LedgerService ledger;
    @Autowired
    MeasureRepository measures;
    @Autowired
    MeasureEventRepository events;
    @Autowired
    PeopleService people;
    @Autowired
    UserService users;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    RecurrenceService recurrences;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void office() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private long meeting(LocalDate heldOn, long organization) {
        return meetings.save(new MeetingService.MeetingDraft(null, null, "测试会议" + N.incrementAndGet(),
                MeetingKind.DEMOCRATIC_LIFE, organization, heldOn.getYear() - 1, heldOn, null, null, 0, 0,
                MeetingStatus.RECTIFYING, 15, null, List.of())).getId();
    }

    private Problem problem(long meetingId, String description, long leader, long unit, Long contact,
            MeasureType type, LocalDate deadline, String... measureTexts) {
        List<MeasureDraft> ms = java.util.Arrays.stream(measureTexts)
                .map(t -> new MeasureDraft(null, null, t, leader, unit, contact, type, deadline)).toList();
        return problems.create(new ProblemDraft(null, null, meetingId, ProblemScope.TEAM, null, ProblemSource.STUDY,
                fixture.categoryId("作风"), description, null, ms));
    }

    private static CarryOverService.Choice choice(Measure m) {
        return new CarryOverService.Choice(m.getId(), m.getVersion());
    }

    private List<Measure> measuresOf(long problemId) {
        return tx.execute(s -> {
            List<Measure> list = measures.findAll().stream()
                    .filter(m -> m.getProblem().getId() == problemId).toList();
            list.forEach(m -> m.getProblem().getMeeting().getTitle());
            return list;
        });
    }

    @Test
    void unfinishedItemsAreCarriedOverOnceLinkedBothWaysAndTheOriginalFrozen() {
        long root = fixture.id(LedgerFixture.ROOT);
        long last = meeting(LocalDate.of(2025, 1, 10), root);
        long current = meeting(LocalDate.of(2026, 1, 10), root);
        Problem old = problem(last, "上年度问题：调研不够深入" + N.get(), fixture.id(LedgerFixture.SECRETARY),
                fixture.id(LedgerFixture.A), fixture.id(LedgerFixture.CONTACT_A_PERSON), MeasureType.PHASED,
                LocalDate.of(2025, 12, 31), "未完成的措施", "另一条措施");
        List<Measure> olds = measuresOf(old.getId());
        Measure unfinished = olds.get(0);

        assertThat(carryOver.candidates(last)).extracting(Measure::getId).contains(unfinished.getId());
        List<Measure> carried = carryOver.carryOver(current, last, List.of(choice(unfinished)),
                LocalDate.of(2026, 6, 30));

        Measure continuation = carried.get(0);
        List<Measure> fresh = measuresOf(continuation.getProblem().getId());
        assertThat(fresh).singleElement().satisfies(m -> {
            assertThat(m.getContent()).isEqualTo("未完成的措施");
            assertThat(m.getDeadline()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(m.getProblem().getSource()).isEqualTo(ProblemSource.CARRIED_OVER);
            assertThat(m.getProblem().getMeeting().getId()).isEqualTo(current);
        });
        Measure frozen = measures.findById(unfinished.getId()).orElseThrow();
        assertThat(frozen.getStatus()).isEqualTo(MeasureStatus.CARRIED_OVER);
        assertThat(events.findByMeasureIdOrderByHappenedAtDescIdDesc(frozen.getId()))
                .extracting(MeasureEvent::getKind).contains(EventKind.CARRIED_OVER, EventKind.CREATED);

        // Both items show the other end.
        Problem newProblem = tx.execute(s -> ledger.detail(continuation.getId()).orElseThrow().problem());
        assertThat(ledger.carriedFrom(newProblem)).hasValueSatisfying(link -> {
            assertThat(link.measureId()).isEqualTo(unfinished.getId());
            assertThat(link.problemSeqNo()).isEqualTo(old.getSeqNo());
        });
        assertThat(ledger.carriedTo(List.of(frozen))).containsKey(frozen.getId())
                .extractingByKey(frozen.getId()).satisfies(link ->
                        assertThat(link.measureId()).isEqualTo(continuation.getId()));

        // Nothing is carried twice, and the frozen original takes no further step.
        assertThat(carryOver.candidates(last)).extracting(Measure::getId).doesNotContain(unfinished.getId());
        assertThatThrownBy(() -> carryOver.carryOver(current, last, List.of(choice(unfinished)),
                LocalDate.of(2026, 6, 30))).isInstanceOf(InvalidActionException.class)
                .hasMessage("carryOver.notOpen");
        assertThatThrownBy(() -> workflow.reportProgress(frozen.getId(), frozen.getVersion(), "继续", 50, List.of()))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.wrongStatus");

        // Nor can the office edit it any more.
        ProblemService.ProblemDraft draft = problems.draftOf(old.getId());
        List<MeasureDraft> edited = draft.measures().stream().map(d -> d.id().equals(frozen.getId())
                ? new MeasureDraft(d.id(), d.version(), "改过的措施", d.leaderId(), d.unitId(), d.contactId(),
                d.type(), d.deadline()) : d).toList();
        assertThatThrownBy(() -> problems.update(new ProblemDraft(draft.id(), draft.version(), draft.meetingId(),
                draft.scope(), draft.memberId(), draft.source(), draft.categoryId(), draft.description(),
                draft.causeAnalysis(), edited))).hasMessage("problem.measureFrozen");

        // The old ledger counts it as carried over: neither closed nor open, never overdue.
        LedgerService.LedgerTotals lastTotals = ledger.totals(new LedgerFilter().setMeetingId(last));
        assertThat(lastTotals.carried()).isEqualTo(1);
        assertThat(lastTotals.open()).isEqualTo(1);
        assertThat(lastTotals.overdue()).as("deadline 2025-12-31 passed, but only the open one is overdue")
                .isEqualTo(1);
    }

    @Test
    void aCompletedMeetingTakesNoNewProblems() {
        long id = meeting(LocalDate.of(2025, 3, 1), fixture.id(LedgerFixture.ROOT));
        Meeting m = meetings.get(id);
        meetings.save(new MeetingService.MeetingDraft(id, m.getVersion(), m.getTitle(), m.getKind(),
                m.getOrganization().getId(), m.getYear(), m.getHeldOn(), null, null, 0, 0, MeetingStatus.COMPLETED,
                15, null, List.of()));
        assertThatThrownBy(() -> problem(id, "整改完成后又来的问题", fixture.id(LedgerFixture.SECRETARY),
                fixture.id(LedgerFixture.A), null, MeasureType.PHASED, LocalDate.of(2026, 12, 31), "措施"))
                .isInstanceOf(org.rectify.base.InvalidDraftException.class)
                .satisfies(e -> assertThat(((org.rectify.base.InvalidDraftException) e).violations())
                        .extracting(org.rectify.base.Violation::messageKey).contains("meeting.completed"));
    }

    @Test
    void onlyAnEarlierMeetingOfTheSameOrganizationIsASource() {
        long root = fixture.id(LedgerFixture.ROOT);
        long first = meeting(LocalDate.of(2025, 1, 10), root);
        long later = meeting(LocalDate.of(2026, 1, 10), root);
        Problem p = problem(later, "今年的问题" + N.get(), fixture.id(LedgerFixture.SECRETARY),
                fixture.id(LedgerFixture.A), null, MeasureType.PHASED, LocalDate.of(2026, 12, 31), "措施");
        Measure item = measuresOf(p.getId()).get(0);
        assertThatThrownBy(() -> carryOver.carryOver(first, later, List.of(choice(item)), LocalDate.of(2026, 12, 31)))
                .isInstanceOf(InvalidActionException.class).hasMessage("carryOver.notEarlier");
        assertThatThrownBy(() -> carryOver.carryOver(later, first, List.of(), null))
                .isInstanceOf(InvalidActionException.class).hasMessage("carryOver.nothingChosen");
    }

    @Test
    void aPersonWithOpenItemsLeavesOnlyByHandingThemOver() {
        long unitA = fixture.id(LedgerFixture.A);
        Person leaving = people.create(new PersonDraft("离任委员" + N.incrementAndGet(), null, null,
                fixture.id(LedgerFixture.ROOT), Position.COMMITTEE_MEMBER, true));
        Person contact = people.create(new PersonDraft("调走联络员" + N.get(), null, null, unitA, Position.LIAISON,
                false));
        Person staff = people.create(new PersonDraft("普通干部" + N.get(), null, null, unitA, Position.STAFF,
                false));
        users.createLogins(List.of(new UserService.NewLogin(leaving.getId(), "leaving" + N.get(), Role.LEADER)));
        long meetingId = fixture.id(LedgerFixture.CURRENT_MEETING);
        Problem p = problem(meetingId, "交接测试问题" + N.get(), leaving.getId(), unitA, contact.getId(),
                MeasureType.PHASED, TODAY.plusDays(30), "措施甲", "措施乙");
        List<Measure> items = measuresOf(p.getId());

        assertThatThrownBy(() -> people.deactivate(leaving.getId(), leaving.getVersion(), null))
                .isInstanceOf(InvalidActionException.class).hasMessage("person.successorRequired");
        assertThatThrownBy(() -> people.deactivate(leaving.getId(), leaving.getVersion(), staff.getId()))
                .as("a leader's items need a committee member").isInstanceOf(InvalidActionException.class)
                .hasMessage("handover.successorNotLeader");
        assertThat(people.get(leaving.getId()).isActive()).as("refused: nothing changed").isTrue();

        long secretary = fixture.id(LedgerFixture.SECRETARY);
        PeopleService.Deactivation done = people.deactivate(leaving.getId(), leaving.getVersion(), secretary);
        assertThat(done.handOver().asLeader()).isEqualTo(2);
        assertThat(done.loginsDisabled()).isEqualTo(1);
        assertThat(people.get(leaving.getId()).isActive()).isFalse();
        for (Measure m : items) {
            Measure now = tx.execute(s -> {
                Measure x = measures.findById(m.getId()).orElseThrow();
                x.getLeader().getName();
                return x;
            });
            assertThat(now.getLeader().getId()).isEqualTo(secretary);
            assertThat(events.findByMeasureIdOrderByHappenedAtDescIdDesc(m.getId()).get(0)).satisfies(e -> {
                assertThat(e.getKind()).isEqualTo(EventKind.HANDED_OVER);
                assertThat(e.getNote()).contains(leaving.getName()).contains(LedgerFixture.SECRETARY);
            });
        }
        assertThat(accounts.findByPersonId(leaving.getId())).allSatisfy(a -> assertThat(a.isEnabled()).isFalse());

        // The contact hands over to someone of the unit; someone outside it is refused.
        assertThatThrownBy(() -> people.deactivate(contact.getId(), contact.getVersion(),
                fixture.id("联络员乙"))).isInstanceOf(InvalidActionException.class)
                .hasMessage("handover.successorOutsideUnit");
        people.deactivate(contact.getId(), contact.getVersion(), staff.getId());
        assertThat(problems.openItemsOf(staff.getId())).hasSize(2);
    }

    @Test
    void aProblemWordedLikeOneOfAnEarlierMeetingIsSuggestedAndCountedOnceConfirmed() {
        long root = fixture.id(LedgerFixture.ROOT);
        long earlier = meeting(LocalDate.of(2024, 1, 15), root);
        long now = meeting(LocalDate.of(2026, 2, 1), root);
        String tag = "（" + N.incrementAndGet() + "号）";
        Problem before = problem(earlier, "落实中央八项规定精神有松懈，公务接待把关不严" + tag,
                fixture.id(LedgerFixture.SECRETARY), fixture.id(LedgerFixture.A), null, MeasureType.PHASED,
                LocalDate.of(2024, 12, 31), "修订接待办法");
        problem(earlier, "统计报表填报不够及时" + tag, fixture.id(LedgerFixture.SECRETARY),
                fixture.id(LedgerFixture.A), null, MeasureType.PHASED, LocalDate.of(2024, 12, 31), "按月核对");
        Problem again = problem(now, "落实中央八项规定精神存在松懈现象，公务接待把关不严" + tag,
                fixture.id(LedgerFixture.SECRETARY), fixture.id(LedgerFixture.A), null, MeasureType.PHASED,
                LocalDate.of(2026, 12, 31), "再次修订接待办法");
        Problem unrelated = problem(now, "干部队伍年龄结构不合理" + tag, fixture.id(LedgerFixture.SECRETARY),
                fixture.id(LedgerFixture.A), null, MeasureType.PHASED, LocalDate.of(2026, 12, 31), "优化结构");

        List<RecurrenceService.Suggestion> found = recurrences.about(again.getId());
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.earlier().problemId()).isEqualTo(before.getId());
            assertThat(s.status()).isEqualTo(RecurrenceStatus.SUSPECTED);
            assertThat(s.similarity()).isGreaterThanOrEqualTo(50);
        });
        assertThat(recurrences.about(before.getId())).as("visible from the earlier problem too").hasSize(1);
        assertThat(recurrences.about(unrelated.getId())).isEmpty();
        assertThat(recurrences.confirmedCount(now)).isZero();

        RecurrenceService.Suggestion s = found.get(0);
        recurrences.confirm(s.id(), s.version());
        assertThat(recurrences.confirmedCount(now)).isEqualTo(1);
        assertThat(recurrences.suspectedCount(now)).isZero();
        fixture.login(LedgerFixture.LEADER_SECRETARY);
        assertThatThrownBy(() -> recurrences.dismiss(s.id(), s.version() + 1))
                .isInstanceOf(org.rectify.base.NotAllowedException.class);
    }
}
