package org.rectify.meeting.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingService;
import org.rectify.security.Role;

/** 新建/编辑会议 (office): {@code meetings/edit} for a new meeting, {@code meetings/edit/ID} to edit one. */
@Route("meetings/edit")
@RolesAllowed(Role.OFFICE_NAME)
public class MeetingEditorView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final MeetingService meetings;
    private final MeetingForm form;
    private final H2 title = new H2();

    public MeetingEditorView(MeetingService meetings) {
        this.meetings = meetings;
        this.form = new MeetingForm(meetings.formOptions());
        addClassName("meeting-editor");
        setMaxWidth("1100px");
        title.addClassName("view-title");
        add(title, form);
        form.addSaveListener(e -> {
            try {
                Meeting saved = meetings.save(e.draft());
                Notices.done(getTranslation("users.saved"));
                getUI().ifPresent(ui -> ui.navigate(MeetingView.class, saved.getId()));
            } catch (InvalidDraftException invalid) {
                form.showViolations(invalid.violations());
            } catch (RuntimeException ex) {
                form.showError(ex);
            }
        });
        form.addCancelListener(e -> getUI().ifPresent(ui -> ui.navigate(MeetingsView.class)));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if (parameter == null || parameter.isBlank()) {
            title.setText(getTranslation("meetings.create"));
            form.setMeeting(null, meetings.defaultFilingDays());
            return;
        }
        try {
            title.setText(getTranslation("meetings.edit"));
            form.setMeeting(meetings.get(Long.parseLong(parameter.trim())), meetings.defaultFilingDays());
        } catch (NumberFormatException e) {
            show(getTranslation("meeting.notFound"));
        } catch (RuntimeException e) {
            show(UserErrors.text(this, e));
        }
    }

    private void show(String text) {
        form.setVisible(false);
        Paragraph p = new Paragraph(text);
        p.addClassName("not-found");
        add(p);
    }

    @Override
    public String getPageTitle() {
        return title.getText() + " · " + getTranslation("app.name");
    }
}
