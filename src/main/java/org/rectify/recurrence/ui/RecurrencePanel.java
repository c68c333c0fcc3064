package org.rectify.recurrence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ui.ProblemPanel;
import org.rectify.recurrence.RecurrenceService;
import org.rectify.recurrence.RecurrenceService.Suggestion;
import org.rectify.recurrence.RecurrenceStatus;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;

/**
 * 疑似反复出现: the problems of earlier meetings worded like this one (or later ones worded like it), each with a
 * link, how alike, and — for the office — confirm or dismiss. On a ledger item's page and on a meeting's page.
 */
@org.springframework.stereotype.Component
public class RecurrencePanel implements ProblemPanel {

    private final RecurrenceService service;
    private final CurrentUser currentUser;

    public RecurrencePanel(RecurrenceService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Component> panel(Problem problem) {
        List<Suggestion> suggestions = service.about(problem.getId());
        if (suggestions.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("recurrence-panel");
        box.setId("recurrence-panel");
        fill(box, problem.getId(), () -> service.about(problem.getId()));
        return Optional.of(box);
    }

    /** The suggestions about a meeting's problems, or empty when there are none. */
    public Optional<Component> forMeeting(long meetingId) {
        if (service.forMeeting(meetingId).isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("recurrence-panel");
        box.setId("recurrence-panel");
        fill(box, null, () -> service.forMeeting(meetingId));
        return Optional.of(box);
    }

    private void fill(Div box, Long current, java.util.function.Supplier<List<Suggestion>> load) {
        box.removeAll();
        List<Suggestion> suggestions = load.get();
        box.add(new H3(box.getTranslation("recurrence.title", suggestions.stream()
                .filter(s -> s.status() == RecurrenceStatus.SUSPECTED).count())));
        boolean office = currentUser.require().is(Role.OFFICE);
        for (Suggestion s : suggestions) {
            Div line = new Div();
            line.addClassName("recurrence-line");
            Span status = new Span(box.getTranslation(s.status().messageKey()));
            status.getElement().getThemeList().add(switch (s.status()) {
                case SUSPECTED -> "badge warning small";
                case CONFIRMED -> "badge error small";
                case DISMISSED -> "badge contrast small";
            });
            line.add(status, new Span(box.getTranslation("recurrence.similarity", s.similarity())));
            line.add(side(box, s.problem(), current), new Span(" ↔ "), side(box, s.earlier(), current));
            if (office && s.status() == RecurrenceStatus.SUSPECTED) {
                Button confirm = new Button(box.getTranslation("recurrence.confirm"), AppIcon.CHECK.create(),
                        e -> decide(box, () -> service.confirm(s.id(), s.version()), current, load));
                confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                confirm.addClassName("recurrence-confirm");
                Button dismiss = new Button(box.getTranslation("recurrence.dismiss"),
                        e -> decide(box, () -> service.dismiss(s.id(), s.version()), current, load));
                dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                dismiss.addClassName("recurrence-dismiss");
                line.add(confirm, dismiss);
            } else if (s.decidedBy() != null) {
                line.add(new Span(box.getTranslation("recurrence.decidedBy", s.decidedBy())));
            }
            box.add(line);
        }
    }

    private Component side(Div box, RecurrenceService.Side side, Long current) {
        String text = box.getTranslation("recurrence.side", side.meeting(), side.seqNo(), side.description());
        if (current != null && side.problemId() == current || side.firstMeasureId() == 0) {
            Span s = new Span(text);
            s.addClassName("recurrence-side");
            return s;
        }
        Anchor link = new Anchor("ledger/item/" + side.firstMeasureId(), text);
        link.addClassName("recurrence-side");
        return link;
    }

    private void decide(Div box, Runnable action, Long current, java.util.function.Supplier<List<Suggestion>> load) {
        try {
            action.run();
            Notices.done(box.getTranslation("users.saved"));
        } catch (RuntimeException e) {
            UserErrors.show(box, e);
        }
        fill(box, current, load);
    }
}
