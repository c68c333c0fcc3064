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

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.OFFICE);
        jdbc.update("delete from mail_outbox");
        jdbc.update("delete from shedlock");
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
}
