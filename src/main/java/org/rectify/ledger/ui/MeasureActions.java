package org.rectify.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.EvidenceStorage;
import org.rectify.ledger.ExtensionRequest;
import org.rectify.ledger.LedgerAccess;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.RectificationService;
import org.rectify.security.Actor;

/**
 * The workflow buttons of one ledger item, each opening a small form. Which buttons show comes from
 * {@link LedgerAccess}; the service checks again. A finished action fires {@link DoneEvent}.
 */
class MeasureActions extends Composite<FlexLayout> {

    /** An action went through; the page reloads the item. */
    static class DoneEvent extends ComponentEvent<MeasureActions> {
        DoneEvent(MeasureActions source) {
            super(source, false);
        }
    }

    private final RectificationService workflow;
    private final EvidenceStorage storage;
    private final Measure measure;
    private final Actor actor;
    private final String today;

    MeasureActions(RectificationService workflow, EvidenceStorage storage, LedgerAccess access, Actor actor,
            Measure measure, Optional<ExtensionRequest> pending, java.time.LocalDate today) {
        this.workflow = workflow;
        this.storage = storage;
        this.measure = measure;
        this.actor = actor;
        this.today = today.toString();
        FlexLayout bar = getContent();
        bar.addClassName("measure-actions");
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        MeasureStatus s = measure.getStatus();
        boolean open = s == MeasureStatus.NOT_STARTED || s == MeasureStatus.IN_PROGRESS
                || s == MeasureStatus.RETURNED;
        if (access.canReport(actor, measure) && open) {
            bar.add(button("action.progress", AppIcon.EDIT, true, this::progressDialog));
            if (measure.getType() != MeasureType.LONG_TERM) {
                bar.add(button("action.requestClose", AppIcon.CHECK_CIRCLE_O, false, this::closingDialog));
            }
            if (measure.getDeadline() != null && pending.isEmpty()) {
                bar.add(button("action.requestExtension", AppIcon.CALENDAR_CLOCK, false, this::extensionDialog));
            }
        }
        if (access.canVerify(actor) && s == MeasureStatus.PENDING_CLOSE) {
            bar.add(button("action.close", AppIcon.CHECK, true, this::closeDialog));
            bar.add(button("action.return", AppIcon.ARROW_BACKWARD, false, this::returnDialog));
        }
        if (access.canVerify(actor) && pending.isPresent()) {
            bar.add(button("action.decideExtension", AppIcon.CALENDAR_O, true,
                    () -> decideDialog(pending.get())));
        }
        if (access.canUrge(actor, measure) && !s.isEnded()) {
            bar.add(button("action.urge", AppIcon.BELL_O, false, this::urgeDialog));
        }
    }

    boolean hasActions() {
        return getContent().getComponentCount() > 0;
    }

    Registration addDoneListener(ComponentEventListener<DoneEvent> listener) {
        return addListener(DoneEvent.class, listener);
    }

    private Button button(String key, AppIcon icon, boolean primary, Runnable open) {
        Button b = new Button(getTranslation(key), icon.create(), e -> open.run());
        b.setId(key.replace('.', '-'));
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    private TextArea area(String key, int max, boolean required) {
        TextArea area = new TextArea(getTranslation(key));
        area.setMaxLength(max);
        area.setRequiredIndicatorVisible(required);
        area.setWidthFull();
        area.setMinHeight("6em");
        area.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        area.setHelperText(getTranslation("form.maxChars", max));
        return area;
    }

    private void progressDialog() {
        TextArea text = area("field.progressNote", 2000, true);
        IntegerField percent = new IntegerField(getTranslation("field.progress"));
        percent.setMin(0);
        percent.setMax(100);
        percent.setStepButtonsVisible(true);
        percent.setSuffixComponent(new Span("%"));
        percent.setValue(measure.getProgress());
        EvidenceUpload files = new EvidenceUpload(storage);
        open("action.progress", "action.submit", files,
                () -> workflow.reportProgress(measure.getId(), measure.getVersion(), text.getValue(),
                        percent.getValue() == null ? -1 : percent.getValue(), files.files()),
                text, percent, files);
    }

    private void closingDialog() {
        TextArea statement = area("field.completionStatement", 2000, true);
        EvidenceUpload files = new EvidenceUpload(storage);
        Span note = new Span(getTranslation("action.requestClose.hint"));
        note.addClassName("form-hint");
        open("action.requestClose", "action.submit", files,
                () -> workflow.requestClosing(measure.getId(), measure.getVersion(), statement.getValue(),
                        files.files()),
                note, statement, files);
    }

    private void extensionDialog() {
        DatePicker date = ComponentTexts.datePicker(this, "field.newDeadline");
        date.setMin(measure.getDeadline().plusDays(1));
        date.setRequiredIndicatorVisible(true);
        Span current = new Span(getTranslation("action.requestExtension.current",
                MeasureBadges.date(measure.getDeadline())));
        TextArea reason = area("field.extensionReason", 1000, true);
        open("action.requestExtension", "action.submit", null,
                () -> workflow.requestExtension(measure.getId(), measure.getVersion(), date.getValue(),
                        reason.getValue()),
                current, date, reason);
    }

    private void closeDialog() {
        TextArea note = area("field.verifyNote", 2000, false);
        open("action.close", "action.close", null,
                () -> workflow.close(measure.getId(), measure.getVersion(), note.getValue()), note);
    }

    private void returnDialog() {
        TextArea reason = area("field.returnReason", 1000, true);
        open("action.return", "action.return", null,
                () -> workflow.sendBack(measure.getId(), measure.getVersion(), reason.getValue()), reason);
    }

    private void decideDialog(ExtensionRequest request) {
        Div summary = new Div(new Span(getTranslation("action.decideExtension.summary", request.getRequestedBy(),
                MeasureBadges.date(request.getCurrentDeadline()), MeasureBadges.date(request.getRequestedDeadline()))));
        Div reason = new Div(new Span(request.getReason()));
        reason.addClassName("text-block");
        TextArea note = area("field.decisionNote", 1000, false);
        Dialog dialog = dialog("action.decideExtension", summary, reason, note);
        Div error = errorBox(dialog);
        Button approve = new Button(getTranslation("action.approve"), e -> submit(dialog, error, null,
                () -> workflow.decideExtension(request.getId(), measure.getVersion(), true, note.getValue())));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.setId("action-approve");
        Button refuse = new Button(getTranslation("action.refuse"), e -> submit(dialog, error, null,
                () -> workflow.decideExtension(request.getId(), measure.getVersion(), false, note.getValue())));
        refuse.addThemeVariants(ButtonVariant.LUMO_ERROR);
        refuse.setId("action-refuse");
        dialog.getFooter().add(cancel(dialog), refuse, approve);
        dialog.open();
    }

    private void urgeDialog() {
        TextField who = new TextField(getTranslation("field.urgedBy"));
        who.setValue(actor.displayName());
        who.setMaxLength(50);
        who.setRequiredIndicatorVisible(true);
        DatePicker on = ComponentTexts.datePicker(this, "field.urgedOn");
        on.setValue(java.time.LocalDate.parse(today));
        on.setMax(java.time.LocalDate.parse(today));
        TextArea message = area("field.urgeMessage", 2000, true);
        open("action.urge", "action.submit", null,
                () -> workflow.urge(measure.getId(), measure.getVersion(), who.getValue(), on.getValue(),
                        message.getValue()),
                who, on, message);
    }

    private Dialog dialog(String titleKey, Component... content) {
        Dialog dialog = new Dialog();
        // A dialog opens on the UI, not on this page: it must not outlive the page (a navigation, the back button).
        Registration closeWithPage = addDetachListener(e -> dialog.close());
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                closeWithPage.remove();
            }
        });
        dialog.setHeaderTitle(getTranslation(titleKey));
        dialog.addClassName("action-dialog");
        dialog.setWidth("min(40rem, 95vw)");
        VerticalLayout body = new VerticalLayout(content);
        body.setPadding(false);
        dialog.add(body);
        return dialog;
    }

    /**
     * A form dialog with one submit button; on success it closes and the page reloads. However it closes, its
     * upload leaves the dialog and so deletes what it still had staged.
     */
    private void open(String titleKey, String submitKey, EvidenceUpload files, Runnable action,
            Component... content) {
        Dialog dialog = dialog(titleKey, content);
        Div error = errorBox(dialog);
        Button submit = new Button(getTranslation(submitKey), e -> submit(dialog, error, files, action));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("action-submit");
        dialog.getFooter().add(cancel(dialog), submit);
        dialog.open();
    }

    private Div errorBox(Dialog dialog) {
        Div error = new Div();
        error.addClassName("form-error");
        error.setId("action-error");
        error.setVisible(false);
        ((VerticalLayout) dialog.getChildren().findFirst().orElseThrow()).addComponentAsFirst(error);
        return error;
    }

    private Button cancel(Dialog dialog) {
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("action-cancel");
        return cancel;
    }

    /** Runs the action; a refusal stays in the dialog as a message, and nothing was saved. */
    private void submit(Dialog dialog, Div error, EvidenceUpload files, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            error.setText(UserErrors.text(this, e));
            error.setVisible(true);
            return;
        }
        if (files != null) {
            files.reset();
        }
        dialog.close();
        fireEvent(new DoneEvent(this));
    }
}
