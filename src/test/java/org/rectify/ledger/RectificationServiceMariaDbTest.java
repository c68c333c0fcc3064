package org.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.testing.LedgerFixture.CONTACT_A;
import static org.rectify.testing.LedgerFixture.CONTACT_B;
import static org.rectify.testing.LedgerFixture.LEADER_MEMBER;
import static org.rectify.testing.LedgerFixture.LEADER_SECRETARY;
import static org.rectify.testing.LedgerFixture.OFFICE;
import static org.rectify.testing.LedgerFixture.PARTY_MEMBER;
import static org.rectify.testing.TestConfig.TODAY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.StaleDataException;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.MariaDbTest;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every workflow transition, allowed and refused, per role, against MariaDB. Each test works on items of its own
 * ({@link LedgerFixture#freshItem}) in a database of its own, so the read-only ledger tests are not disturbed.
 */
@MariaDbTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:mysql://${RECTIFY_TEST_DB_HOST:127.0.0.1}:${RECTIFY_TEST_DB_PORT:3306}/"
                + "${RECTIFY_TEST_DB_NAME:rectify}_workflow?createDatabaseIfNotExist=true&useUnicode=true"
                + "&characterEncoding=utf8",
        "rectify.evidence.dir=target/test-evidence/service", "rectify.evidence.max-size=64KB"})
class RectificationServiceMariaDbTest {

    static final Path STORE = Path.of("target/test-evidence/service");

    @Autowired
    RectificationService workflow;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    MeasureRepository measures;
    @Autowired
    MeasureEventRepository events;
    @Autowired
    EvidenceRepository evidence;
    @Autowired
    ExtensionRequestRepository extensions;
    @Autowired
    TimelineService timeline;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private long itemInA() {
        return fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(20));
    }

    private Measure reload(long id) {
        return measures.findById(id).orElseThrow();
    }

    private int version(long id) {
        return reload(id).getVersion();
    }

    private List<EventKind> kinds(long id) {
        return events.findByMeasureIdOrderByHappenedAtDescIdDesc(id).stream().map(MeasureEvent::getKind).toList();
    }

    static EvidenceStorage.StagedFile pdf(String name, int size) throws IOException {
        Path temp = Files.createTempFile("evidence", ".tmp");
        byte[] bytes = new byte[size];
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, bytes, 0, 9);
        Files.write(temp, bytes);
        return new EvidenceStorage.StagedFile(temp, name, size);
    }

    private long storedFiles() throws IOException {
        if (!Files.exists(STORE)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(STORE)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aContactReportsProgressWithEvidenceOnTheirUnitsItem() throws IOException {
        long id = itemInA();
        long filesBefore = storedFiles();
        fixture.login(CONTACT_A);
        workflow.reportProgress(id, version(id), "已召开专题会议部署整改", 40, List.of(pdf("会议纪要.pdf", 2000)));
        Measure m = reload(id);
        assertThat(m.getStatus()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(m.getProgress()).isEqualTo(40);
        assertThat(m.getLastProgressOn()).isEqualTo(TODAY);
        assertThat(m.getProgressNote()).isEqualTo("已召开专题会议部署整改");
        assertThat(kinds(id)).containsExactly(EventKind.PROGRESS);
        List<Evidence> files = evidence.findByMeasureIdOrderByUploadedAtDescIdDesc(id);
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.getFileName()).isEqualTo("会议纪要.pdf");
            assertThat(f.getContentType()).isEqualTo("application/pdf");
            assertThat(f.getSizeBytes()).isEqualTo(2000);
            assertThat(f.getSha256()).hasSize(64);
            assertThat(f.getUploadedBy()).isEqualTo("联络员甲");
        });
        assertThat(storedFiles()).isEqualTo(filesBefore + 1);
        // The file can be read back by whoever may see the item.
        try (var download = timeline.download(files.get(0).getId()).content()) {
            assertThat(download.readAllBytes()).hasSize(2000).startsWith("%PDF".getBytes());
        }
        fixture.login(CONTACT_B);
        assertThatThrownBy(() -> timeline.download(files.get(0).getId())).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void aPathOrAnOverLongNameIsStoredAsItsShortenedBaseName() throws IOException {
        long id = itemInA();
        fixture.login(CONTACT_A);
        workflow.reportProgress(id, version(id), "进展", 10, List.of(pdf("../../etc/passwd.pdf", 100),
                pdf("C:\\材料\\" + "整改落实情况".repeat(30) + ".pdf", 100)));
        List<String> names = evidence.findByMeasureIdOrderByUploadedAtDescIdDesc(id).stream()
                .map(Evidence::getFileName).toList();
        assertThat(names).hasSize(2).contains("passwd.pdf");
        assertThat(names).filteredOn(n -> n.startsWith("整改落实情况")).singleElement().satisfies(n -> {
            assertThat(n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(n).endsWith(".pdf");
        });
    }

    @Test
    void reportingIsRefusedOutsideTheScopeAndToOtherRoles() {
        long id = itemInA();
        for (String login : List.of(CONTACT_B, LEADER_MEMBER, PARTY_MEMBER)) {
            fixture.login(login);
            assertThatThrownBy(() -> workflow.reportProgress(id, version(id), "越权报送", 50, List.of()))
                    .as(login).isInstanceOf(NotAllowedException.class);
        }
        fixture.login(LEADER_SECRETARY);
        workflow.reportProgress(id, version(id), "责任领导报送", 30, List.of());
        fixture.login(OFFICE);
        workflow.reportProgress(id, version(id), "党委办公室代为报送", 35, List.of());
        assertThat(kinds(id)).containsExactly(EventKind.PROGRESS, EventKind.PROGRESS);
    }

    @Test
    void closingGoesThroughApplicationAndVerification() throws IOException {
        long id = itemInA();
        fixture.login(CONTACT_A);
        assertThatThrownBy(() -> workflow.requestClosing(id, version(id), "已完成", List.of()))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.evidenceRequired");
        workflow.requestClosing(id, version(id), "已完成全部整改任务", List.of(pdf("制度文件.pdf", 1000)));
        assertThat(reload(id).getStatus()).isEqualTo(MeasureStatus.PENDING_CLOSE);
        assertThat(reload(id).getProgress()).isEqualTo(100);
        assertThatThrownBy(() -> workflow.close(id, version(id), null))
                .isInstanceOf(NotAllowedException.class).hasMessage("access.officeOnly");
        assertThatThrownBy(() -> workflow.reportProgress(id, version(id), "再报", 90, List.of()))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.wrongStatus");
        fixture.login(LEADER_SECRETARY);
        assertThatThrownBy(() -> workflow.close(id, version(id), null)).isInstanceOf(NotAllowedException.class);
        fixture.login(OFFICE);
        workflow.close(id, version(id), "经核验，整改到位");
        Measure closed = reload(id);
        assertThat(closed.getStatus()).isEqualTo(MeasureStatus.CLOSED);
        assertThat(closed.getCompletedOn()).isEqualTo(TODAY);
        assertThat(kinds(id)).containsExactly(EventKind.CLOSED, EventKind.CLOSE_REQUESTED);
        assertThatThrownBy(() -> workflow.close(id, version(id), null))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.wrongStatus");
        assertThatThrownBy(() -> workflow.urge(id, version(id), "书记甲", TODAY, "抓紧"))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.closed");
    }

    @Test
    void theOfficeSendsAnApplicationBackWithAReason() throws IOException {
        long id = itemInA();
        fixture.login(CONTACT_A);
        workflow.requestClosing(id, version(id), "已完成", List.of(pdf("a.pdf", 500)));
        fixture.login(OFFICE);
        assertThatThrownBy(() -> workflow.sendBack(id, version(id), "  "))
                .isInstanceOf(InvalidActionException.class).hasMessage("validation.required");
        workflow.sendBack(id, version(id), "佐证材料不充分，请补充会议记录");
        assertThat(reload(id).getStatus()).isEqualTo(MeasureStatus.RETURNED);
        fixture.login(CONTACT_A);
        workflow.reportProgress(id, version(id), "已补充会议记录", 90, List.of());
        assertThat(reload(id).getStatus()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(events.findByMeasureIdOrderByHappenedAtDescIdDesc(id)).extracting(MeasureEvent::getKind,
                        MeasureEvent::getNote)
                .startsWith(org.assertj.core.groups.Tuple.tuple(EventKind.PROGRESS, "已补充会议记录"),
                        org.assertj.core.groups.Tuple.tuple(EventKind.RETURNED, "佐证材料不充分，请补充会议记录"));
    }

    @Test
    void longTermItemsAreReportedOnButNeverClosed() {
        long id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.LONG_TERM, null);
        fixture.login(CONTACT_A);
        assertThatThrownBy(() -> workflow.requestClosing(id, version(id), "完成", List.of()))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.longTermNotClosed");
        assertThatThrownBy(() -> workflow.requestExtension(id, version(id), TODAY.plusDays(30), "需要"))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.noDeadlineToExtend");
        workflow.reportProgress(id, version(id), "本月按计划推进", 50, List.of());
        assertThat(reload(id).getLastProgressOn()).isEqualTo(TODAY);
    }

    @Test
    void anApprovedExtensionKeepsTheOriginalDeadlineOnRecord() {
        long id = itemInA();
        fixture.login(CONTACT_A);
        assertThatThrownBy(() -> workflow.requestExtension(id, version(id), TODAY.plusDays(20), "不晚于原时限"))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.extensionNotLater");
        ExtensionRequest request = workflow.requestExtension(id, version(id), TODAY.plusDays(60), "需跨部门协调");
        assertThatThrownBy(() -> workflow.requestExtension(id, version(id), TODAY.plusDays(90), "再次申请"))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.extensionPending");
        assertThatThrownBy(() -> workflow.decideExtension(request.getId(), version(id), true, null))
                .isInstanceOf(NotAllowedException.class);
        fixture.login(OFFICE);
        workflow.decideExtension(request.getId(), version(id), true, "同意");
        Measure m = reload(id);
        assertThat(m.getDeadline()).isEqualTo(TODAY.plusDays(60));
        assertThat(m.getOriginalDeadline()).isEqualTo(TODAY.plusDays(20));
        assertThat(extensions.findById(request.getId()).orElseThrow().getStatus())
                .isEqualTo(ExtensionRequest.Status.APPROVED);
        assertThatThrownBy(() -> workflow.decideExtension(request.getId(), version(id), false, "改变主意"))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.extensionDecided");
        assertThat(kinds(id)).containsExactly(EventKind.EXTENSION_APPROVED, EventKind.EXTENSION_REQUESTED);
    }

    @Test
    void closingEndsAnOpenExtensionRequest() throws IOException {
        long id = itemInA();
        fixture.login(CONTACT_A);
        ExtensionRequest request = workflow.requestExtension(id, version(id), TODAY.plusDays(60), "理由");
        workflow.requestClosing(id, version(id), "其实已完成", List.of(pdf("done.pdf", 100)));
        fixture.login(OFFICE);
        workflow.close(id, version(id), null);
        assertThat(extensions.findById(request.getId()).orElseThrow().getStatus())
                .isEqualTo(ExtensionRequest.Status.REFUSED);
        assertThatThrownBy(() -> workflow.decideExtension(request.getId(), version(id), true, null))
                .isInstanceOf(InvalidActionException.class);
        assertThat(reload(id).getDeadline()).isEqualTo(TODAY.plusDays(20));
    }

    @Test
    void aRefusedExtensionNeedsAReasonAndChangesNothing() {
        long id = itemInA();
        fixture.login(CONTACT_A);
        ExtensionRequest request = workflow.requestExtension(id, version(id), TODAY.plusDays(60), "理由");
        fixture.login(OFFICE);
        assertThatThrownBy(() -> workflow.decideExtension(request.getId(), version(id), false, ""))
                .isInstanceOf(InvalidActionException.class).hasMessage("validation.required");
        workflow.decideExtension(request.getId(), version(id), false, "时限不能再延");
        assertThat(reload(id).getDeadline()).isEqualTo(TODAY.plusDays(20));
        assertThat(reload(id).getOriginalDeadline()).isNull();
    }

    @Test
    void urgingIsForTheOfficeAndTheLeadingMember() {
        long id = itemInA();
        fixture.login(OFFICE);
        workflow.urge(id, version(id), "书记甲", TODAY.minusDays(1), "请于本周内报送整改进展");
        fixture.login(LEADER_SECRETARY);
        workflow.urge(id, version(id), "书记甲", TODAY, "抓紧推进");
        for (String login : List.of(LEADER_MEMBER, CONTACT_A, PARTY_MEMBER)) {
            fixture.login(login);
            assertThatThrownBy(() -> workflow.urge(id, version(id), "某人", TODAY, "督办"))
                    .as(login).isInstanceOf(NotAllowedException.class);
        }
        fixture.login(OFFICE);
        assertThatThrownBy(() -> workflow.urge(id, version(id), "书记甲", TODAY.plusDays(1), "未来"))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.dateInFuture");
        List<MeasureEvent> urged = events.findByMeasureIdOrderByHappenedAtDescIdDesc(id);
        assertThat(urged).extracting(MeasureEvent::getKind).containsOnly(EventKind.URGED);
        assertThat(urged).extracting(MeasureEvent::getEventDate).containsExactly(TODAY, TODAY.minusDays(1));
    }

    @Test
    void badInputIsRefusedAndNothingIsHalfSaved() throws IOException {
        long id = itemInA();
        fixture.login(CONTACT_A);
        int before = version(id);
        long filesBefore = storedFiles();
        assertThatThrownBy(() -> workflow.reportProgress(id, before, "字".repeat(2001), 50, List.of()))
                .isInstanceOf(InvalidActionException.class).hasMessage("validation.tooLong");
        assertThatThrownBy(() -> workflow.reportProgress(id, before, "进展", 101, List.of()))
                .isInstanceOf(InvalidActionException.class).hasMessage("workflow.percentRange");
        // A renamed executable: refused by content, the other (valid) file is not kept either.
        Path fake = Files.createTempFile("fake", ".tmp");
        Files.write(fake, "MZ\u0090\u0000 this is not a pdf".getBytes());
        var renamed = new EvidenceStorage.StagedFile(fake, "报告.pdf", Files.size(fake));
        assertThatThrownBy(() -> workflow.reportProgress(id, before, "进展", 50,
                List.of(pdf("ok.pdf", 100), renamed)))
                .isInstanceOf(InvalidActionException.class).hasMessage("evidence.contentMismatch");
        var exe = new EvidenceStorage.StagedFile(pdf("x.pdf", 10).tempFile(), "setup.exe", 10);
        assertThatThrownBy(() -> workflow.reportProgress(id, before, "进展", 50, List.of(exe)))
                .isInstanceOf(InvalidActionException.class).hasMessage("evidence.badType");
        assertThatThrownBy(() -> workflow.reportProgress(id, before, "进展", 50, List.of(pdf("big.pdf", 70_000))))
                .isInstanceOf(InvalidActionException.class).hasMessage("evidence.tooLarge");
        assertThat(version(id)).isEqualTo(before);
        assertThat(kinds(id)).isEmpty();
        assertThat(evidence.countByMeasureId(id)).isZero();
        assertThat(storedFiles()).as("no file left behind").isEqualTo(filesBefore);
        // Script tags are stored as the text they are; the views set text, never HTML.
        workflow.reportProgress(id, before, "<script>alert('x')</script>", 10, List.of());
        assertThat(reload(id).getProgressNote()).isEqualTo("<script>alert('x')</script>");
    }

    @Test
    void aStaleVersionIsRefusedForEveryStep() {
        long id = itemInA();
        fixture.login(OFFICE);
        int stale = version(id);
        workflow.urge(id, stale, "书记甲", TODAY, "第一次督办");
        assertThat(version(id)).as("an urging bumps the version").isGreaterThan(stale);
        List<Runnable> steps = List.of(
                () -> workflow.reportProgress(id, stale, "进展", 10, List.of()),
                () -> workflow.requestClosing(id, stale, "完成", List.of()),
                () -> workflow.requestExtension(id, stale, TODAY.plusDays(90), "理由"),
                () -> workflow.close(id, stale, null),
                () -> workflow.sendBack(id, stale, "理由"),
                () -> workflow.urge(id, stale, "书记甲", TODAY, "督办"));
        for (Runnable step : steps) {
            assertThatThrownBy(step::run).isInstanceOf(StaleDataException.class);
        }
        assertThat(kinds(id)).containsExactly(EventKind.URGED);
    }

    @Test
    void twoSavesOfTheSameRowCannotBothWin() {
        long id = itemInA();
        // Two users hold the same version of the row; both change it; the second commit must fail.
        Measure first = tx.execute(s -> reload(id));
        Measure second = tx.execute(s -> reload(id));
        tx.executeWithoutResult(s -> {
            Measure m = measures.findById(id).orElseThrow();
            m.recordProgress(TODAY, 20, "甲的修改");
        });
        second.recordProgress(TODAY, 30, "乙的修改");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> measures.save(second)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(reload(id).getProgressNote()).isEqualTo("甲的修改");
        assertThat(first.getVersion()).isLessThan(reload(id).getVersion());
    }

    @Test
    void envesKeepsEveryRevisionWithWhoMadeIt() {
        long id = itemInA();
        fixture.login(CONTACT_A);
        workflow.reportProgress(id, version(id), "第一次报送", 30, List.of());
        workflow.reportProgress(id, version(id), "第二次报送", 60, List.of());
        List<TimelineService.Revision> revisions = timeline.revisions(id);
        assertThat(revisions).hasSizeGreaterThanOrEqualTo(3);
        assertThat(revisions.get(0).username()).isEqualTo(LedgerFixture.CONTACT_A);
        assertThat(revisions.get(0).changedFields()).contains("field.progress", "field.progressNote");
        assertThat(revisions.get(revisions.size() - 1).changedFields()).isEmpty();
    }
}
