package org.rectify.ledger.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.rectify.base.ui.UserErrors;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemService.ProblemDraft;
import org.rectify.security.Role;

/**
 * 录入/编辑检视问题 (office): {@code problems/edit} for a new problem ({@code ?meeting=ID} preselects the meeting),
 * {@code problems/edit/ID} to edit one.
 */
@Route("problems/edit")
@Menu(order = 30, icon = "rectify:plus-square-o", title = "nav.newProblem")
@RolesAllowed(Role.OFFICE_NAME)
public class ProblemEditorView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final ProblemService problems;
    private ProblemForm form;
    private final H2 title = new H2();

    public ProblemEditorView(ProblemService problems) {
        this.problems = problems;
        addClassName("problem-editor");
        setMaxWidth("1100px");
        title.addClassName("view-title");
        add(title);
        useForm(problems.formOptions());
    }

    /** The form with the choices it needs: for an existing problem, also the disabled ones it already names. */
    private void useForm(ProblemService.FormOptions options) {
        if (form != null) {
            remove(form);
        }
        form = new ProblemForm(options);
        add(form);
        form.addSaveListener(e -> save(e.draft(), e.andNext()));
        form.addCancelListener(e -> getUI().ifPresent(ui -> ui.navigate(LedgerView.class)));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if (parameter == null || parameter.isBlank()) {
            Long meeting = event.getLocation().getQueryParameters().getSingleParameter("meeting")
                    .flatMap(ProblemEditorView::parseLong).orElse(null);
            if (meeting == null) {
                meeting = problems.formOptions().meetings().stream().findFirst().map(m -> m.getId()).orElse(null);
            }
            title.setText(getTranslation("form.newTitle"));
            form.setDraft(new ProblemDraft(null, null, meeting, null, null, null, null, "", "", List.of()));
            return;
        }
        try {
            ProblemDraft draft = problems.draftOf(parseLong(parameter).orElse(-1L));
            title.setText(getTranslation("form.editTitle"));
            useForm(problems.formOptions(draft));
            form.setDraft(draft);
        } catch (RuntimeException e) {
            title.setText(getTranslation("form.editTitle"));
            form.setVisible(false);
            com.vaadin.flow.component.html.Paragraph message = new com.vaadin.flow.component.html.Paragraph(
                    UserErrors.text(this, e));
            // Marked like the other pages' not-found messages, so that tests can tell it from the form.
            message.addClassName("not-found");
            add(message);
        }
    }

    private void save(ProblemDraft draft, boolean andNext) {
        try {
            Problem saved = draft.id() == null ? problems.create(draft) : problems.update(draft);
            Notification.show(getTranslation("form.saved", saved.getSeqNo()), 3000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (andNext) {
                form.setDraft(form.nextDraft(draft));
                form.focusDescription();
            } else {
                long first = saved.getMeasures().get(0).getId();
                getUI().ifPresent(ui -> ui.navigate(MeasureDetailView.class, String.valueOf(first)));
            }
        } catch (org.rectify.base.InvalidDraftException invalid) {
            form.showViolations(invalid.violations());
        } catch (RuntimeException e) {
            form.showError(UserErrors.text(this, e));
        }
    }

    private static java.util.Optional<Long> parseLong(String s) {
        try {
            return java.util.Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title.getText() + " · " + getTranslation("app.name");
    }
}
