package org.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.testing.TestConfig.TODAY;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.NotAllowedException;
import org.rectify.base.StaleDataException;
import org.rectify.ledger.ProblemService.MeasureDraft;
import org.rectify.ledger.ProblemService.ProblemDraft;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.TestLogin;
import org.rectify.testing.WorkflowH2Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Creating and editing problems with their measures: the rules, the history, stale edits, the office only. */
@WorkflowH2Test
class ProblemServiceTest {

    @Autowired
    ProblemService problems;
    @Autowired
    RectificationService workflow;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    MeasureRepository measures;
    @Autowired
    MeasureEventRepository events;

    @BeforeEach
    void login() {
        fixture.login(LedgerFixture.OFFICE);
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private MeasureDraft measure(String content) {
        return new MeasureDraft(null, null, content, fixture.id(LedgerFixture.SECRETARY),
                fixture.id(LedgerFixture.A), null, MeasureType.PHASED, TODAY.plusDays(40));
    }

    private Problem create(String description, MeasureDraft... ms) {
        return problems.create(new ProblemDraft(null, null, fixture.id(LedgerFixture.CURRENT_MEETING),
                ProblemScope.TEAM, null, ProblemSource.RESEARCH, categoryId(), description, null,
                List.of(ms)));
    }

    private long categoryId() {
        return problems.formOptions().categories().get(0).getId();
    }

    @Test
    void editsAreSavedWithTheirHistoryAndRemovalIsOnlyForUntouchedMeasures() {
        Problem p = create("编辑测试问题", measure("措施一"), measure("措施二"), measure("措施三"));
        ProblemDraft draft = problems.draftOf(p.getId());
        assertThat(draft.measures()).extracting(MeasureDraft::content).containsExactly("措施一", "措施二", "措施三");

        // Someone reports progress on 措施二, so it has a history.
        long second = draft.measures().get(1).id();
        fixture.login(LedgerFixture.CONTACT_A);
        workflow.reportProgress(second, measures.findById(second).orElseThrow().getVersion(), "已推进", 30, List.of());
        fixture.login(LedgerFixture.OFFICE);

        draft = problems.draftOf(p.getId());
        List<MeasureDraft> edited = new ArrayList<>(draft.measures());
        MeasureDraft first = edited.get(0);
        edited.set(0, new MeasureDraft(first.id(), first.version(), "措施一（修改）", first.leaderId(), first.unitId(),
                first.contactId(), first.type(), TODAY.plusDays(60), "任务调整"));
        edited.remove(2); // untouched: may go
        edited.add(measure("措施四"));
        problems.update(new ProblemDraft(draft.id(), draft.version(), draft.meetingId(), draft.scope(), null,
                ProblemSource.INSPECTION, draft.categoryId(), "编辑测试问题（修改）", "原因", edited));

        ProblemDraft after = problems.draftOf(p.getId());
        assertThat(after.description()).isEqualTo("编辑测试问题（修改）");
        assertThat(after.source()).isEqualTo(ProblemSource.INSPECTION);
        assertThat(after.measures()).extracting(MeasureDraft::content)
                .containsExactly("措施一（修改）", "措施二", "措施四");
        assertThat(events.findByMeasureIdOrderByHappenedAtDescIdDesc(first.id())).extracting(MeasureEvent::getKind)
                .containsExactly(EventKind.EDITED, EventKind.CREATED);
        MeasureEvent moved = events.findByMeasureIdOrderByHappenedAtDescIdDesc(first.id()).get(0);
        assertThat(moved.getNewDeadline()).as("a moved deadline is on the timeline with its reason")
                .isEqualTo(TODAY.plusDays(60));
        assertThat(moved.getOldDeadline()).isEqualTo(first.deadline());
        assertThat(moved.getNote()).isEqualTo("任务调整");
        assertThat(measures.findById(first.id()).orElseThrow().getOriginalDeadline()).isEqualTo(first.deadline());

        // 措施二 has a history: removing it is refused, nothing changes.
        ProblemDraft again = problems.draftOf(p.getId());
        List<MeasureDraft> withoutSecond = new ArrayList<>(again.measures());
        withoutSecond.remove(1);
        assertThatThrownBy(() -> problems.update(new ProblemDraft(again.id(), again.version(), again.meetingId(),
                again.scope(), null, again.source(), again.categoryId(), again.description(), null, withoutSecond)))
                .hasMessage("problem.measureHasHistory");
        assertThat(problems.draftOf(p.getId()).measures()).hasSize(3);
    }

    @Test
    void aStaleEditIsRefused() {
        Problem p = create("并发编辑", measure("措施"));
        ProblemDraft a = problems.draftOf(p.getId());
        ProblemDraft b = problems.draftOf(p.getId());
        problems.update(new ProblemDraft(a.id(), a.version(), a.meetingId(), a.scope(), null, a.source(),
                a.categoryId(), "甲改的", null, a.measures()));
        assertThatThrownBy(() -> problems.update(new ProblemDraft(b.id(), b.version(), b.meetingId(), b.scope(), null,
                b.source(), b.categoryId(), "乙改的", null, b.measures()))).isInstanceOf(StaleDataException.class);
        assertThat(problems.draftOf(p.getId()).description()).isEqualTo("甲改的");
    }

    @Test
    void onlyTheOfficeEntersProblems() {
        fixture.login(LedgerFixture.LEADER_SECRETARY);
        assertThatThrownBy(() -> create("领导录入", measure("措施"))).isInstanceOf(NotAllowedException.class);
        fixture.login(LedgerFixture.CONTACT_A);
        assertThatThrownBy(() -> problems.formOptions()).isInstanceOf(NotAllowedException.class);
    }
}
