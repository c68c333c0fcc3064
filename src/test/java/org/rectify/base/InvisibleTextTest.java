package org.rectify.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rectify.testing.TestConfig.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectify.disclosure.DisclosureService;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemService.ImportedMeasure;
import org.rectify.ledger.ProblemService.ImportedProblem;
import org.rectify.ledger.ProblemService.MeasureDraft;
import org.rectify.ledger.ProblemService.ProblemDraft;
import org.rectify.ledger.ProblemSource;
import org.rectify.ledger.RectificationService;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingService.AttendeeDraft;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.Position;
import org.rectify.org.UnitKind;
import org.rectify.orgadmin.CategoryService;
import org.rectify.orgadmin.PeopleService;
import org.rectify.orgadmin.UnitAdminService;
import org.rectify.security.Role;
import org.rectify.security.UserService;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.TestLogin;
import org.rectify.testing.WorkflowH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Text made only of invisible characters (no-break, zero-width, ideographic spaces, word joiners, BOMs, Hangul
 * fillers) is empty: every service that requires a text refuses it, and what is stored is stripped at both ends.
 * The services are the rule; the forms show what they refuse (see ProblemEditorViewTest and WorkflowViewTest).
 * Mail settings (two numbers) and recurrence decisions (confirm or dismiss) take no text and are not listed.
 */
@WorkflowH2Test
class InvisibleTextTest {

    static Stream<String> invisible() {
        return Stream.of("\u00A0", "\u200B", "\u3000", "\u00A0\u200B\uFEFF", "\u2060", " \u200B\t\n", "\u3164",
                "\u2800", "\u202F\u180E\u200D");
    }

    @Autowired
    LedgerFixture fixture;
    @Autowired
    ProblemService problems;
    @Autowired
    RectificationService workflow;
    @Autowired
    UnitAdminService unitAdmin;
    @Autowired
    PeopleService people;
    @Autowired
    CategoryService categories;
    @Autowired
    UserService users;
    @Autowired
    MeetingService meetings;
    @Autowired
    DisclosureService disclosures;
    @Autowired
    MeasureRepository measures;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private MeasureDraft measure(String content) {
        return new MeasureDraft(null, null, content, fixture.id(LedgerFixture.SECRETARY), fixture.id(LedgerFixture.A),
                null, MeasureType.PHASED, TODAY.plusDays(30));
    }

    private ProblemDraft problem(String description, String content) {
        return new ProblemDraft(null, null, fixture.id(LedgerFixture.CURRENT_MEETING), ProblemScope.TEAM, null,
                ProblemSource.STUDY, fixture.categoryId("思想"), description, null, List.of(measure(content)));
    }

    private static List<org.assertj.core.groups.Tuple> fields(List<Violation> violations) {
        return violations.stream().map(v -> tuple(v.field(), v.index(), v.messageKey())).toList();
    }

    /** The service refused the call as "required", naming the field's message key. */
    private static void refusedAsRequired(ThrowingCallable call, String fieldKey) {
        assertThatThrownBy(call).isInstanceOf(InvalidActionException.class)
                .satisfies(e -> {
                    InvalidActionException x = (InvalidActionException) e;
                    assertThat(x.messageKey()).isEqualTo("validation.required");
                    assertThat(x.messageArgs()).containsExactly(MessageKey.of(fieldKey));
                });
    }

    private int version(long measureId) {
        return measures.findById(measureId).orElseThrow().getVersion();
    }

    private long freshItem() {
        return fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(20));
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void theProblemFormAndTheImportRefuseAnInvisibleDescriptionOrMeasure(String blank) {
        fixture.login(LedgerFixture.OFFICE);
        assertThat(fields(problems.validate(problem(blank, blank)))).contains(
                tuple("description", -1, "validation.requiredField"),
                tuple("measure.content", 0, "validation.requiredField"));

        // The Excel import goes through the same rule, and refuses the whole batch.
        ImportedProblem row = new ImportedProblem(null, ProblemScope.TEAM, null, ProblemSource.STUDY,
                fixture.categoryId("思想"), blank, null, List.of(new ImportedMeasure(measure("措施"),
                MeasureStatus.NOT_STARTED, 0, null, null, null, null, null)));
        long meeting = fixture.id(LedgerFixture.CURRENT_MEETING);
        assertThat(fields(problems.validateForImport(row, meeting)))
                .containsExactly(tuple("description", -1, "validation.requiredField"));
        assertThatThrownBy(() -> problems.importProblems(meeting, List.of(row), n -> { }))
                .isInstanceOf(InvalidDraftException.class);
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void anOfficeDeadlineMoveNeedsAVisibleReason(String blank) {
        long id = freshItem();
        fixture.login(LedgerFixture.OFFICE);
        long problemId = tx.execute(s -> measures.findById(id).orElseThrow().getProblem().getId());
        ProblemDraft d = problems.draftOf(problemId);
        MeasureDraft m = d.measures().get(0);
        MeasureDraft moved = new MeasureDraft(m.id(), m.version(), m.content(), m.leaderId(), m.unitId(),
                m.contactId(), m.type(), m.deadline().plusDays(10), blank);
        ProblemDraft edited = new ProblemDraft(d.id(), d.version(), d.meetingId(), d.scope(), d.memberId(),
                d.source(), d.categoryId(), d.description(), d.causeAnalysis(), List.of(moved));
        assertThatThrownBy(() -> problems.update(edited)).isInstanceOf(InvalidDraftException.class)
                .satisfies(e -> assertThat(fields(((InvalidDraftException) e).violations()))
                        .containsExactly(tuple("measure.deadlineReason", 0, "measure.deadlineReasonRequired")));
        assertThat(measures.findById(id).orElseThrow().getDeadline()).isEqualTo(TODAY.plusDays(20));
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void everyWorkflowStepRefusesAnInvisibleNote(String blank) {
        long id = freshItem();
        fixture.login(LedgerFixture.CONTACT_A);
        refusedAsRequired(() -> workflow.reportProgress(id, version(id), blank, 10, List.of()),
                "field.progressNote");
        refusedAsRequired(() -> workflow.requestClosing(id, version(id), blank, List.of()),
                "field.completionStatement");
        refusedAsRequired(() -> workflow.requestExtension(id, version(id), TODAY.plusDays(40), blank),
                "field.extensionReason");
        assertThat(measures.findById(id).orElseThrow()).extracting(Measure::getStatus, Measure::getProgressNote)
                .containsExactly(MeasureStatus.NOT_STARTED, null);

        fixture.login(LedgerFixture.OFFICE);
        refusedAsRequired(() -> workflow.urge(id, version(id), blank, TODAY, "请加快进度"), "field.urgedBy");
        refusedAsRequired(() -> workflow.urge(id, version(id), "书记甲", TODAY, blank), "field.urgeMessage");

        fixture.login(LedgerFixture.CONTACT_A);
        long request = workflow.requestExtension(id, version(id), TODAY.plusDays(40), "等待上级批复").getId();
        fixture.login(LedgerFixture.OFFICE);
        refusedAsRequired(() -> workflow.decideExtension(request, version(id), false, blank),
                "field.refusalReason");

        // An application for closing, sent back without a visible reason.
        tx.executeWithoutResult(s -> measures.findById(id).orElseThrow()
                .importState(MeasureStatus.PENDING_CLOSE, 100, "申请销号", TODAY, null));
        refusedAsRequired(() -> workflow.sendBack(id, version(id), blank), "field.returnReason");
        assertThat(measures.findById(id).orElseThrow().getStatus()).isEqualTo(MeasureStatus.PENDING_CLOSE);
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void unitsPeopleAndCategoriesNeedVisibleNames(String blank) {
        fixture.login(LedgerFixture.OFFICE);
        assertThat(fields(unitAdmin.validate(null, new UnitAdminService.UnitDraft(blank, blank,
                UnitKind.DEPARTMENT, fixture.id(LedgerFixture.ROOT))))).containsExactly(
                tuple("name", -1, "validation.requiredField"), tuple("code", -1, "validation.requiredField"));
        assertThat(fields(people.validate(new PeopleService.PersonDraft(blank, blank, blank,
                fixture.id(LedgerFixture.A), Position.STAFF, false))))
                .containsExactly(tuple("name", -1, "validation.requiredField"));
        refusedAsRequired(() -> categories.create(blank), "category.name");
        var thought = categories.list().stream().filter(r -> r.category().getName().equals("思想")).findFirst()
                .orElseThrow().category();
        refusedAsRequired(() -> categories.rename(thought.getId(), thought.getVersion(), blank), "category.name");
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void loginsNeedAVisibleUsernameAndDisplayName(String blank) {
        fixture.login(LedgerFixture.OFFICE);
        refusedAsRequired(() -> users.create(new UserService.UserDraft("invisible-test", blank, Role.OFFICE, null,
                null), "long-enough-password"), "users.displayName");
        refusedAsRequired(() -> users.create(new UserService.UserDraft(blank, "某人", Role.OFFICE, null, null),
                "long-enough-password"), "users.username");
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void meetingsAndDisclosuresNeedVisibleTexts(String blank) {
        fixture.login(LedgerFixture.OFFICE);
        MeetingService.MeetingDraft meeting = new MeetingService.MeetingDraft(null, null, blank,
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, LocalDate.of(2026, 1, 20), blank,
                blank, 0, 0, MeetingStatus.RECTIFYING, 15, null,
                List.of(new AttendeeDraft(fixture.id(LedgerFixture.SECRETARY), Position.SECRETARY, blank)));
        assertThat(fields(meetings.validate(meeting)))
                .containsExactly(tuple("title", -1, "validation.requiredField"));
        assertThat(fields(disclosures.validate(new DisclosureService.Draft(blank, blank, false)))).containsExactly(
                tuple("publicProblem", -1, "validation.requiredField"),
                tuple("publicMeasure", -1, "validation.requiredField"));
    }

    @Test
    void storedTextsAreStrippedOfInvisibleEnds() {
        fixture.login(LedgerFixture.OFFICE);
        var p = problems.create(problem("\u200B 会风会纪执行不严\u00A0\uFEFF", "\u3000严格执行签到制度\u2060"));
        tx.executeWithoutResult(s -> {
            var saved = measures.findById(p.getMeasures().get(0).getId()).orElseThrow();
            assertThat(saved.getProblem().getDescription()).isEqualTo("会风会纪执行不严");
            assertThat(saved.getContent()).isEqualTo("严格执行签到制度");
        });

        long id = freshItem();
        fixture.login(LedgerFixture.CONTACT_A);
        workflow.reportProgress(id, version(id), "\u00A0已制定方案\u200B", 20, List.of());
        assertThat(measures.findById(id).orElseThrow().getProgressNote()).isEqualTo("已制定方案");

        fixture.login(LedgerFixture.OFFICE);
        var c = categories.create("\u200B担当作为（测试）\u00A0");
        assertThat(c.getName()).isEqualTo("担当作为（测试）");
        categories.delete(c.getId(), c.getVersion());
        var u = users.create(new UserService.UserDraft("\u00A0invisible-strip\u200B", "\u2060王五\u3000",
                Role.OFFICE, null, null), "long-enough-password");
        assertThat(u.getUsername()).isEqualTo("invisible-strip");
        assertThat(u.getDisplayName()).isEqualTo("王五");
    }

    @Test
    void visibleTextBetweenInvisibleCharactersIsKept() {
        assertThat(Texts.strip("\u200B甲\u00A0乙\u2060")).isEqualTo("甲\u00A0乙");
        assertThat(Texts.isBlank("\u00A0\u200B\uFEFF\u2060\u3000\u3164\u2800")).isTrue();
        assertThat(Texts.isBlank(null)).isTrue();
        assertThat(Texts.orNull(" \u200B ")).isNull();
        assertThat(Texts.length("𠀀字")).as("characters, not UTF-16 units").isEqualTo(2);
    }
}
