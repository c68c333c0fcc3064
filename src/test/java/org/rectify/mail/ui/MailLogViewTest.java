package org.rectify.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.mail.MailStatus;
import org.rectify.mail.OutboxMail;
import org.rectify.mail.OutboxRepository;
import org.rectify.mail.ReminderSettings;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.WorkflowH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 邮件记录 without a mail server (the embedded default): mails are built and kept, marked not sent; the office
 * previews the reminder run, runs it, reads a mail, changes the windows.
 */
@WorkflowH2Test
class MailLogViewTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    OutboxRepository mails;
    @Autowired
    ReminderSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.rectify.mail.Outbox outbox;
    @Autowired
    org.rectify.mail.MailAdmin admin;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.OFFICE);
        jdbc.update("delete from mail_outbox");
        // Released, not deleted: ShedLock only updates a lock row it has created once.
        jdbc.update("update shedlock set lock_until = '2000-01-01 00:00:00'");
        Karibu.start(context);
        UI.getCurrent().navigate("admin/mail");
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    @SuppressWarnings("unchecked")
    private static Grid<OutboxMail> grid() {
        return _get(Grid.class, spec -> spec.withId("mail-grid"));
    }

    @Test
    void withoutAServerMailsAreRecordedAndMarkedNotSent() {
        assertThat(_get(Span.class, spec -> spec.withId("mail-server")).getText()).contains("未配置邮件服务器");
        _click(_get(Button.class, spec -> spec.withId("mail-run")));
        Dialog preview = _get(Dialog.class, spec -> spec.withId("mail-preview"));
        @SuppressWarnings("unchecked")
        Grid<org.rectify.mail.ReminderService.Digest> who = _get(preview, Grid.class);
        int recipients = GridKt._size(who);
        assertThat(recipients).isGreaterThanOrEqualTo(4);
        assertThat(mails.count()).as("a preview records nothing").isZero();

        _click(_get(Button.class, spec -> spec.withId("mail-run-confirm")));
        assertThat(mails.count()).isEqualTo(recipients);
        assertThat(mails.findAll()).allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(MailStatus.NO_SERVER));
        assertThat(GridKt._size(grid())).isEqualTo(recipients);
        assertThat(GridKt._getFormattedRow(grid(), 0)).anyMatch(cell -> cell.contains("【整改提醒】"));

        // Reading one: the rendered mail in a sandboxed frame.
        OutboxMail secretary = mails.findAll().stream()
                .filter(m -> "secretary@test.example.org".equals(m.getRecipientEmail())).findFirst().orElseThrow();
        int row = java.util.stream.IntStream.range(0, GridKt._size(grid()))
                .filter(i -> GridKt._get(grid(), i).getId().equals(secretary.getId())).findFirst().orElseThrow();
        Button view = (Button) ((com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(grid(), row, "actions")).getComponentAt(0);
        _click(view);
        IFrame frame = _get(IFrame.class);
        assertThat(frame.getSrcdoc().orElseThrow()).contains("M-OVERDUE", "http://localhost:8080/ledger/item/");
        assertThat(frame.getSandbox()).isNotNull();
    }

    @Test
    void theOfficeChangesTheWindows() {
        _setValue(_get(IntegerField.class, spec -> spec.withId("mail-due-soon")), 10);
        _setValue(_get(IntegerField.class, spec -> spec.withId("mail-escalation")), 21);
        _click(_get(Button.class, spec -> spec.withId("mail-settings-save")));
        assertThat(settings.windows()).isEqualTo(new ReminderSettings.Windows(10, 21));
        settings.update(7, 14);
    }

    @Test
    void onlyTheOfficeOpensTheMailLog() {
        fixture.login(LedgerFixture.LEADER_SECRETARY);
        UI.getCurrent().navigate("admin/mail");
        org.rectify.testing.Refusal.assertRefused();
        assertThat(List.of(MailStatus.values())).contains(MailStatus.NO_SERVER);
    }

    // --- issue 11 ---

    /** A recorded mail, then put into the given state as the sender would have left it. */
    private long mail(String key, String status, int attempts, java.time.LocalDateTime next, String error) {
        outbox.enqueue(new org.rectify.mail.Outbox.Draft(key, org.rectify.mail.MailKind.DIGEST,
                new org.rectify.mail.Recipient(null, "收件人" + key, key + "@test.example.org"), "主题" + key,
                "<p>" + key + "</p>", key));
        long id = jdbc.queryForObject("select id from mail_outbox where idem_key = ?", Long.class, key);
        jdbc.update("update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
                status, attempts, next, error, id);
        return id;
    }

    private int row(long id) {
        return java.util.stream.IntStream.range(0, GridKt._size(grid()))
                .filter(i -> GridKt._get(grid(), i).getId().equals(id)).findFirst().orElseThrow();
    }

    private String nextCell(long id) {
        return GridKt._getFormattedRow(grid(), row(id)).get(grid().getColumns().indexOf(grid().getColumnByKey("next")));
    }

    /** The row's send button, as the grid renders it now. */
    private Button sendButton(long id) {
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(grid(),
                row(id), "actions");
        return (Button) actions.getChildren().filter(c -> c.getId().orElse("").equals("mail-send-" + id))
                .findFirst().orElseThrow();
    }

    private void roundTripsUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
            com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
        }
        assertThat(done.getAsBoolean()).as("the background work answered").isTrue();
    }

    @Test
    void theLogTellsWillRetryFromGaveUpFromInterrupted() {
        long retry = mail("retry", "FAILED", 2, java.time.LocalDateTime.of(2026, 6, 15, 10, 5), "SMTP down");
        long gaveUp = mail("gave-up", "FAILED", 6, null, "SMTP down");
        long interrupted = mail("interrupted", "FAILED", 1, null, "INTERRUPTED: 发送过程中断");
        UI.getCurrent().navigate("admin/mail");
        assertThat(nextCell(retry)).isEqualTo("将于 2026-06-15 10:05 自动重试");
        assertThat(nextCell(gaveUp)).isEqualTo("已尝试 6 次，不再自动重试");
        assertThat(nextCell(interrupted)).startsWith("发送中断").contains("核实");
    }

    @Test
    void anInterruptedMailIsResentOnlyAfterTheOfficeConfirms() throws InterruptedException {
        long id = mail("interrupted", "FAILED", 1, null, "INTERRUPTED: 发送过程中断");
        UI.getCurrent().navigate("admin/mail");
        _click(sendButton(id));
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = _get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("mail-resend-confirm"));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel(confirm);
        assertThat(mails.findById(id).orElseThrow().getStatus()).isEqualTo(MailStatus.FAILED);
        assertThatThrownBy(() -> admin.sendNow(id, false)).as("the service refuses an unconfirmed resend")
                .isInstanceOf(org.rectify.base.InvalidActionException.class);

        _click(sendButton(id));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("mail-resend-confirm")));
        roundTripsUntil(() -> mails.findById(id).orElseThrow().getStatus() == MailStatus.NO_SERVER
                && !sendButton(id).getText().equals("发送中…"));
    }

    @Test
    void thePreviewCountsTheMailsThatWillReallyGoToday() {
        _click(_get(Button.class, spec -> spec.withId("mail-run")));
        Dialog preview = _get(Dialog.class, spec -> spec.withId("mail-preview"));
        @SuppressWarnings("unchecked")
        Grid<org.rectify.mail.ReminderService.Digest> who = _get(preview, Grid.class);
        int people = GridKt._size(who);
        assertThat(people).isGreaterThanOrEqualTo(4);
        assertThat(preview.getHeaderTitle()).isEqualTo("预览：今日将发送 " + people + " 封提醒邮件");
        _click(_get(Button.class, spec -> spec.withId("mail-run-confirm")));
        assertThat(mails.count()).isEqualTo(people);

        _click(_get(Button.class, spec -> spec.withId("mail-run")));
        Dialog again = _get(Dialog.class, spec -> spec.withId("mail-preview"));
        assertThat(again.getHeaderTitle()).isEqualTo("预览：今日将发送 0 封提醒邮件");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mail-preview-already"))
                .getText()).isEqualTo("其中 " + people + " 人的今日提醒已经记录，不会重复发送。");
        assertThat(_get(Button.class, spec -> spec.withId("mail-run-confirm")).isEnabled()).isFalse();
    }
}
