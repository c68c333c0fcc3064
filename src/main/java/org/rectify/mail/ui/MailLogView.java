package org.rectify.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.rectify.base.ui.BackgroundTask;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.mail.MailAdmin;
import org.rectify.mail.MailKind;
import org.rectify.mail.MailStatus;
import org.rectify.mail.OutboxMail;
import org.rectify.mail.ReminderService;
import org.rectify.security.Role;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * 邮件记录 (office): every mail the portal recorded, its status and error, the rendered mail; sending by hand;
 * the daily reminder run now, after a preview of who would receive what; the reminder windows.
 */
@Route("admin/mail")
@Menu(order = 150, icon = "rectify:envelopes-o", title = "nav.mail")
@RolesAllowed(Role.OFFICE_NAME)
public class MailLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailAdmin admin;
    private final Executor executor;
    /** Mails this screen is sending in the background: their button stays disabled until the answer comes. */
    private final Set<Long> sending = new HashSet<>();
    private final Grid<OutboxMail> grid = new Grid<>();
    private final ComboBox<MailStatus> status = new ComboBox<>();
    private final ComboBox<MailKind> kind = new ComboBox<>();
    private final TextField text = new TextField();

    public MailLogView(MailAdmin admin,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.admin = admin;
        this.executor = executor;
        addClassName("mail-log-view");
        setSizeFull();
        H2 title = new H2(getTranslation("mail.title"));
        title.addClassName("view-title");
        Span server = new Span(getTranslation(admin.hasServer() ? "mail.server.on" : "mail.server.off"));
        server.getElement().getThemeList().add(admin.hasServer() ? "badge success" : "badge warning");
        server.setId("mail-server");
        Button run = new Button(getTranslation("mail.run"), AppIcon.PAPERPLANE_O.create(), e -> preview());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("mail-run");
        HorizontalLayout header = new HorizontalLayout(title, server);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout top = new HorizontalLayout(header, run);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        add(top, settings(), filters(), grid());
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.title") + " · " + getTranslation("app.name");
    }

    private Component settings() {
        var windows = admin.windows();
        IntegerField dueSoon = new IntegerField(getTranslation("mail.settings.dueSoon"));
        dueSoon.setValue(windows.dueSoonDays());
        dueSoon.setMin(1);
        dueSoon.setMax(60);
        dueSoon.setStepButtonsVisible(true);
        dueSoon.setId("mail-due-soon");
        IntegerField escalation = new IntegerField(getTranslation("mail.settings.escalation"));
        escalation.setValue(windows.escalationDays());
        escalation.setMin(1);
        escalation.setMax(365);
        escalation.setStepButtonsVisible(true);
        escalation.setId("mail-escalation");
        Button save = new Button(getTranslation("form.save"), e -> {
            try {
                admin.updateWindows(dueSoon.getValue() == null ? 0 : dueSoon.getValue(),
                        escalation.getValue() == null ? 0 : escalation.getValue());
                Notification.show(getTranslation("users.saved"), 2000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException ex) {
                UserErrors.show(this, ex);
            }
        });
        save.setId("mail-settings-save");
        HorizontalLayout row = new HorizontalLayout(dueSoon, escalation, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("mail-settings");
        return row;
    }

    private Component filters() {
        status.setItems(MailStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setPlaceholder(getTranslation("mail.filter.status"));
        status.setClearButtonVisible(true);
        status.setId("mail-filter-status");
        kind.setItems(MailKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setPlaceholder(getTranslation("mail.filter.kind"));
        kind.setClearButtonVisible(true);
        text.setPlaceholder(getTranslation("mail.filter.text"));
        text.setPrefixComponent(AppIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        status.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        return new HorizontalLayout(status, kind, text);
    }

    private Component grid() {
        grid.setId("mail-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(m -> TIME.format(m.getCreatedAt())).setHeader(getTranslation("mail.col.created"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> getTranslation(m.getKind().messageKey())).setHeader(getTranslation("mail.col.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.getRecipientName() + (m.getRecipientEmail() == null ? ""
                : " <" + m.getRecipientEmail() + ">")).setHeader(getTranslation("mail.col.to")).setFlexGrow(1);
        grid.addColumn(OutboxMail::getSubject).setHeader(getTranslation("mail.col.subject")).setFlexGrow(2);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("mail.col.status")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OutboxMail::getAttempts).setHeader(getTranslation("mail.col.attempts")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::next).setHeader(getTranslation("mail.col.next")).setAutoWidth(true).setFlexGrow(0)
                .setKey("next");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.actions")).setAutoWidth(true)
                .setFlexGrow(0).setKey("actions");
        return grid;
    }

    private Component statusBadge(OutboxMail m) {
        Span badge = new Span(getTranslation(m.getStatus().messageKey()));
        String theme = switch (m.getStatus()) {
            case SENT -> "badge success";
            case FAILED, NO_ADDRESS -> "badge error";
            case NO_SERVER -> "badge warning";
            default -> "badge contrast";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        if (m.getLastError() != null) {
            badge.getElement().setAttribute("title", m.getLastError());
        }
        return badge;
    }

    /** What happens next to a mail that did not go: retried at a time, given up, or interrupted (check first). */
    private String next(OutboxMail m) {
        return switch (m.next()) {
            case WILL_RETRY -> getTranslation("mail.next.retryAt", TIME.format(m.getNextAttemptAt()));
            case GAVE_UP -> getTranslation("mail.next.gaveUp", m.getAttempts());
            case INTERRUPTED -> getTranslation("mail.next.interrupted");
            case NONE -> "";
        };
    }

    private Component actions(OutboxMail m) {
        Button view = new Button(getTranslation("mail.view"), e -> show(m.getId()));
        view.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout actions = new HorizontalLayout(view);
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        if (m.getStatus() == MailStatus.PENDING || m.getStatus() == MailStatus.FAILED
                || m.getStatus() == MailStatus.NO_SERVER) {
            boolean busy = sending.contains(m.getId());
            Button send = new Button(getTranslation(busy ? "mail.sending"
                    : m.getStatus() == MailStatus.FAILED ? "mail.retry" : "mail.sendNow"));
            send.addClickListener(e -> {
                if (m.next() == OutboxMail.Next.INTERRUPTED) {
                    confirmResend(m, send);
                } else {
                    send(m.getId(), false, send);
                }
            });
            send.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            send.setEnabled(!busy);
            send.setId("mail-send-" + m.getId());
            actions.add(send);
        }
        return actions;
    }

    /** An interrupted mail may have reached its recipient: resend only once the office has checked. */
    private void confirmResend(OutboxMail m, Button send) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("mail.interrupted.title"),
                getTranslation("mail.interrupted.text", m.getRecipientName(), m.getSubject()),
                getTranslation("mail.interrupted.resend"), e -> send(m.getId(), true, send));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("mail-resend-confirm");
        confirm.open();
    }

    /**
     * Sends in the background: an unreachable server answers only after the SMTP timeout (tens of seconds), which
     * must not freeze the office's screen. The row shows "sending" until the answer.
     */
    private void send(long id, boolean interruptedChecked, Button button) {
        sending.add(id);
        button.setEnabled(false);
        button.setText(getTranslation("mail.sending"));
        BackgroundTask.run(UI.getCurrent(), executor, () -> admin.sendNow(id, interruptedChecked), sent -> {
            sending.remove(id);
            Notification n = Notification.show(getTranslation(sent ? "mail.sent" : "mail.notSent"), 4000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(sent ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
            refresh();
        }, failure -> {
            sending.remove(id);
            UserErrors.show(this, failure);
            refresh();
        });
    }

    private void refresh() {
        MailAdmin.Query q = new MailAdmin.Query(status.getValue(), kind.getValue(), text.getValue());
        grid.setItems(query -> admin.find(q, query.getOffset(), query.getLimit()).stream(),
                query -> (int) admin.count(q));
    }

    /** The mail as its recipient sees it, in a sandboxed frame (the HTML is ours, user text escaped). */
    private void show(long id) {
        admin.find(id).ifPresent(m -> {
            Dialog dialog = new Dialog(m.getSubject());
            dialog.setWidth("min(56rem, 95vw)");
            Div meta = new Div(new Span(getTranslation("mail.col.to") + "：" + m.getRecipientName()
                    + (m.getRecipientEmail() == null ? "" : " <" + m.getRecipientEmail() + ">")),
                    statusBadge(m));
            meta.addClassName("mail-meta");
            dialog.add(meta);
            if (m.getLastError() != null) {
                Paragraph error = new Paragraph(m.getLastError());
                error.addClassName("form-error");
                dialog.add(error);
            }
            IFrame frame = new IFrame();
            frame.setSrcdoc(m.getBodyHtml());
            frame.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
            frame.setWidthFull();
            frame.setHeight("28rem");
            frame.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)");
            dialog.add(frame);
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()));
            dialog.open();
        });
    }

    /** Who would receive what and how many mails a run now would really send; then, on confirmation, the run. */
    private void preview() {
        ReminderService.Preview preview;
        try {
            preview = admin.preview();
        } catch (RuntimeException e) {
            UserErrors.show(this, e);
            return;
        }
        List<ReminderService.Digest> digests = preview.digests();
        Dialog dialog = new Dialog(getTranslation("mail.preview.count", preview.mailsToSend()));
        dialog.setWidth("min(48rem, 95vw)");
        dialog.setId("mail-preview");
        if (!preview.recordedToday().isEmpty()) {
            Paragraph already = new Paragraph(getTranslation("mail.preview.already", preview.recordedToday().size()));
            already.setId("mail-preview-already");
            dialog.add(already);
        }
        Grid<ReminderService.Digest> list = new Grid<>();
        list.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        list.setItems(digests);
        list.addColumn(d -> d.to().name()).setHeader(getTranslation("mail.col.to")).setAutoWidth(true);
        list.addColumn(d -> d.to().email() == null ? getTranslation("mail.noAddress") : d.to().email())
                .setHeader(getTranslation("mail.col.address")).setAutoWidth(true);
        list.addColumn(ReminderService.Digest::subject).setHeader(getTranslation("mail.col.subject"))
                .setFlexGrow(2);
        list.addColumn(d -> preview.recordedToday().contains(d) ? getTranslation("mail.preview.recorded") : "")
                .setHeader(getTranslation("mail.col.status")).setAutoWidth(true).setKey("recorded");
        list.setAllRowsVisible(digests.size() <= 12);
        dialog.add(digests.isEmpty() ? new Paragraph(getTranslation("mail.preview.none")) : list);
        Button confirm = new Button(getTranslation("mail.preview.confirm"), e -> {
            try {
                ReminderService.RunReport report = admin.runDigestNow();
                Notification.show(getTranslation("mail.run.done", report.recorded(), report.alreadyRecorded()),
                        5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                dialog.close();
                refresh();
            } catch (RuntimeException ex) {
                UserErrors.show(this, ex);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("mail-run-confirm");
        confirm.setEnabled(preview.mailsToSend() > 0);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
