package org.rectify.disclosure;

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
import org.rectify.base.InvalidDraftException;
import org.rectify.base.StaleDataException;
import org.rectify.disclosure.DisclosureService.Draft;
import org.rectify.disclosure.DisclosureService.PublicItem;
import org.rectify.disclosure.DisclosureService.PublicMeeting;
import org.rectify.disclosure.DisclosureService.PublicState;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemService.ImportedMeasure;
import org.rectify.ledger.ProblemService.ImportedProblem;
import org.rectify.ledger.ProblemService.MeasureDraft;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingStatus;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.SetupH2Test;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * 整改公示: what may be disclosed, in whose words, by whom; and that the board hands out nothing but the public
 * fields (names only where allowed) to anyone logged in, party members included.
 */
@SetupH2Test
class DisclosureServiceTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    DisclosureService disclosures;
    @Autowired
    ProblemService problems;
    @Autowired
    MeetingService meetings;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixture fixture;

    private long meetingId;

    @BeforeEach
    void meetingOfItsOwn() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
        meetingId = meetings.save(new MeetingService.MeetingDraft(null, null, "2025年度公示测试会" + N.incrementAndGet(),
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), null,
                null, 0, 0, MeetingStatus.RECTIFYING, 15, null, List.of())).getId();
        long secretary = fixture.id(LedgerFixture.SECRETARY);
        long member = fixture.id(LedgerFixture.MEMBER);
        long a = fixture.id(LedgerFixture.A);
        problems.importProblems(meetingId, List.of(
                new ImportedProblem(null, ProblemScope.TEAM, null, ProblemSource.STUDY, fixture.categoryId("思想"),
                        "内部表述：学习流于形式", "内部原因剖析", List.of(
                        measure("内部：建立学习制度", secretary, a, MeasureType.IMMEDIATE, MeasureStatus.CLOSED),
                        measure("内部：每月学习", secretary, a, MeasureType.LONG_TERM, MeasureStatus.IN_PROGRESS),
                        measure("内部：开展调研", secretary, a, MeasureType.PHASED, MeasureStatus.IN_PROGRESS))),
                new ImportedProblem(null, ProblemScope.INDIVIDUAL, member, ProblemSource.MASS_FEEDBACK,
                        fixture.categoryId("作风"), "内部：调研不深", null, List.of(
                        measure("内部：每季度下基层", member, a, MeasureType.PHASED, MeasureStatus.CLOSED),
                        measure("内部：长期未开始", member, a, MeasureType.LONG_TERM, MeasureStatus.NOT_STARTED)))),
                n -> { });
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private static ImportedMeasure measure(String content, long leader, long unit, MeasureType type,
            MeasureStatus status) {
        LocalDate deadline = type == MeasureType.LONG_TERM ? null : TODAY.plusDays(30);
        return new ImportedMeasure(new MeasureDraft(null, null, content, leader, unit, null, type, deadline), status,
                status == MeasureStatus.CLOSED ? 100 : status == MeasureStatus.IN_PROGRESS ? 40 : 0, "内部进展说明",
                status == MeasureStatus.NOT_STARTED ? null : TODAY.minusDays(3),
                status == MeasureStatus.CLOSED ? TODAY.minusDays(2) : null, null, null);
    }

    private Measure item(String content) {
        return ledger.find(new LedgerFilter().setMeetingId(meetingId), null, 0, 50, List.of()).stream()
                .filter(m -> m.getContent().equals(content)).findFirst().orElseThrow();
    }

    private PublicMeeting board() {
        return disclosures.board(meetingId).get(0);
    }

    @Test
    void onlyClosedItemsAndLongTermItemsUnderWayCanBeDisclosed() {
        assertThat(disclosures.candidates(meetingId)).extracting(c -> c.measure().getContent())
                .containsExactly("内部：建立学习制度", "内部：每月学习", "内部：每季度下基层");
        Measure phasedOpen = item("内部：开展调研");
        assertThatThrownBy(() -> disclosures.publish(phasedOpen.getId(), null, new Draft("问题", "措施", false)))
                .isInstanceOf(InvalidActionException.class).hasMessage("disclosure.notEligible");
        assertThat(disclosures.board(meetingId)).as("nothing disclosed yet").isEmpty();
    }

    @Test
    void theBoardShowsThePublicWordingAndNamesOnlyWhereAllowed() {
        long closed = item("内部：建立学习制度").getId();
        long longTerm = item("内部：每月学习").getId();
        long personal = item("内部：每季度下基层").getId();
        disclosures.publish(closed, null, new Draft("  学习制度不健全  ", "建立了理论学习制度", false));
        // A second item of the same problem starts from the problem's public wording, not the ledger's.
        assertThat(disclosures.suggest(longTerm)).isEqualTo(new Draft("学习制度不健全", "内部：每月学习", false));
        disclosures.publish(longTerm, null, new Draft("学习制度不健全", "坚持每月集中学习", false));
        disclosures.publish(personal, null, new Draft("调研不够深入", "每季度到基层调研", true));

        fixture.login(LedgerFixture.PARTY_MEMBER);
        PublicMeeting board = board();
        assertThat(board.items()).containsExactly(
                new PublicItem(board.items().get(0).problemId(), "学习制度不健全", null, "建立了理论学习制度", null,
                        TODAY.minusDays(2), PublicState.DONE),
                new PublicItem(board.items().get(0).problemId(), "学习制度不健全", null, "坚持每月集中学习", null, null,
                        PublicState.ONGOING),
                new PublicItem(board.items().get(2).problemId(), "调研不够深入", LedgerFixture.MEMBER, "每季度到基层调研",
                        LedgerFixture.MEMBER, TODAY.minusDays(2), PublicState.DONE));
        assertThat(board.done()).isEqualTo(2);
        assertThat(board.items().toString()).doesNotContain("内部");
    }

    @Test
    void theWordingIsRequiredChangesAreCheckedAgainstTheVersionAndItemsCanBeWithdrawn() {
        long closed = item("内部：建立学习制度").getId();
        assertThatThrownBy(() -> disclosures.publish(closed, null, new Draft("\u200B ", "措施", false)))
                .isInstanceOf(InvalidDraftException.class)
                .satisfies(e -> assertThat(((InvalidDraftException) e).violations())
                        .extracting(v -> v.field()).containsExactly("publicProblem"));
        DisclosureItem first = disclosures.publish(closed, null, new Draft("问题", "措施", false));
        assertThatThrownBy(() -> disclosures.publish(closed, null, new Draft("问题", "又一次", false)))
                .as("disclosed meanwhile by someone else").isInstanceOf(StaleDataException.class);
        DisclosureItem second = disclosures.publish(closed, first.getVersion(), new Draft("问题", "改后的措施", false));
        assertThatThrownBy(() -> disclosures.withdraw(closed, first.getVersion()))
                .isInstanceOf(StaleDataException.class);
        assertThat(board().items()).extracting(PublicItem::measure).containsExactly("改后的措施");
        disclosures.withdraw(closed, second.getVersion());
        assertThat(disclosures.board(meetingId)).isEmpty();
    }

    @Test
    void membersReadTheBoardButOnlyTheOfficeDisclosesAndSeesTheCandidates() {
        long closed = item("内部：建立学习制度").getId();
        assertThat(disclosures.publishAsWritten(List.of(closed, item("内部：每季度下基层").getId()))).isEqualTo(2);
        for (String login : List.of(LedgerFixture.PARTY_MEMBER, LedgerFixture.CONTACT_A, LedgerFixture.LEADER_SECRETARY)) {
            fixture.login(login);
            assertThat(board().items()).as(login).hasSize(2);
            assertThatThrownBy(() -> disclosures.candidates(meetingId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> disclosures.publish(closed, null, new Draft("a", "b", false)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> disclosures.withdraw(closed, 0)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
