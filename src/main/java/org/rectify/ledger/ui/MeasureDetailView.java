package org.rectify.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import jakarta.annotation.security.RolesAllowed;
import org.rectify.base.NotAllowedException;
import org.rectify.base.Texts;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.ledger.EvidenceStorage;
import org.rectify.ledger.ExtensionRequest;
import org.rectify.ledger.LedgerAccess;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.RectificationService;
import org.rectify.ledger.TimelineService;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.rectify.ledger.LedgerService.MeasureDetail;
import org.rectify.ledger.Measure;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ProblemScope;
import org.rectify.meeting.Meeting;
import org.rectify.org.Person;

/**
 * One ledger item in context: its problem and every measure taken against it; for the item itself the workflow
 * actions the user may take and its timeline.
 */
@Route("ledger/item")
@RolesAllowed({Role.OFFICE_NAME, Role.LEADER_NAME, Role.UNIT_CONTACT_NAME})
public class MeasureDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final LedgerService service;
    private final RectificationService workflow;
    private final TimelineService timeline;
    private final EvidenceStorage storage;
    private final LedgerAccess access;
    private final CurrentUser currentUser;
    private final MeasureBadges badges;
    private final List<ProblemPanel> panels;
    private String title = "";
    private String parameter;

    public MeasureDetailView(LedgerService service, RectificationService workflow, TimelineService timeline,
            EvidenceStorage storage, LedgerAccess access, CurrentUser currentUser, List<ProblemPanel> panels) {
        this.panels = panels;
        this.service = service;
        this.workflow = workflow;
        this.timeline = timeline;
        this.storage = storage;
        this.access = access;
        this.currentUser = currentUser;
        this.badges = new MeasureBadges(this, service);
        addClassName("measure-detail");
        setMaxWidth("1100px");
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        this.parameter = parameter;
        render();
    }

    /** (Re)builds the page from the database, e.g. after an action. */
    private void render() {
        removeAll();
        add(backLink());
        Optional<MeasureDetail> detail;
        try {
            detail = parseId(parameter).flatMap(service::detail);
        } catch (NotAllowedException refused) {
            title = getTranslation("detail.refused.title");
            Div message = new Div(AppIcon.BAN.create(), new Span(UserErrors.text(this, refused)));
            message.addClassName("not-found");
            message.setId("refused");
            add(new H2(title), message);
            return;
        }
        if (detail.isEmpty()) {
            title = getTranslation("detail.notFound.title");
            Div message = new Div(AppIcon.WARNING.create(),
                    new Span(getTranslation("detail.notFound", parameter)));
            message.addClassName("not-found");
            add(new H2(title), message);
            return;
        }
        show(detail.get());
    }

    private static Optional<Long> parseId(String parameter) {
        try {
            return Optional.of(Long.parseLong(parameter.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Component backLink() {
        String query = (String) VaadinSession.getCurrent().getAttribute(LedgerView.LAST_QUERY);
        String url = RouteConfiguration.forSessionScope().getUrl(LedgerView.class);
        Anchor back = new Anchor(query == null || query.isEmpty() ? url : url + "?" + query,
                "← " + getTranslation("detail.back"));
        back.addClassName("back-link");
        return back;
    }

    private void show(MeasureDetail detail) {
        Problem p = detail.problem();
        Meeting meeting = p.getMeeting();
        title = getTranslation("detail.title", p.getSeqNo());
        H2 heading = new H2(title);
        heading.addClassName("view-title");

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "detail.meeting", meeting.getTitle());
        fact(facts, "detail.category", p.getCategory().getName());
        fact(facts, "detail.source", getTranslation(p.getSource().messageKey()));
        fact(facts, "detail.scope", p.getScope() == ProblemScope.INDIVIDUAL && p.getMember() != null
                ? getTranslation(p.getScope().messageKey()) + "：" + p.getMember().getName()
                : getTranslation(p.getScope().messageKey()));
        fact(facts, "detail.heldOn", MeasureBadges.date(meeting.getHeldOn()));

        Div problemBox = new Div(new H3(getTranslation("detail.description")), paragraph(p.getDescription()));
        problemBox.addClassName("problem-box");
        if (!Texts.isBlank(p.getCauseAnalysis())) {
            problemBox.add(new H3(getTranslation("detail.cause")), paragraph(p.getCauseAnalysis()));
        }

        HorizontalLayout titleRow = new HorizontalLayout(heading);
        titleRow.setAlignItems(Alignment.BASELINE);
        Actor actor = currentUser.require();
        if (access.canVerify(actor)) {
            Button edit = new Button(getTranslation("detail.editProblem"), AppIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ProblemEditorView.class, String.valueOf(p.getId()))));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setId("edit-problem");
            titleRow.add(edit);
        }
        add(titleRow, facts);
        service.carriedFrom(p).ifPresent(link -> add(carryLink("detail.carriedFrom", link)));
        add(problemBox);
        panels.forEach(panel -> panel.panel(p).ifPresent(this::add));
        add(new H3(getTranslation("detail.measures", p.getMeasures().size())));
        java.util.Map<Long, LedgerService.CarryLink> carriedTo = service.carriedTo(detail.visibleMeasures());
        for (Measure m : detail.visibleMeasures()) {
            boolean current = m.getId().equals(detail.measure().getId());
            Div card = measureCard(m, current);
            LedgerService.CarryLink to = carriedTo.get(m.getId());
            if (to != null) {
                card.add(carryLink("detail.carriedTo", to));
            }
            add(card);
            if (current) {
                addWorkflow(card, m, actor);
            }
        }
        if (detail.hiddenMeasures() > 0) {
            Paragraph hidden = new Paragraph(getTranslation("detail.hiddenMeasures", detail.hiddenMeasures()));
            hidden.addClassName("form-hint");
            add(hidden);
        }
    }

    /** The actions the user may take on the item, an open extension request, and the item's timeline. */
    private void addWorkflow(Div card, Measure m, Actor actor) {
        Optional<ExtensionRequest> pending = timeline.pendingExtension(m.getId());
        pending.ifPresent(r -> {
            Div banner = new Div(AppIcon.CALENDAR_CLOCK.create(), new Span(getTranslation(
                    "detail.pendingExtension", r.getRequestedBy(), MeasureBadges.date(r.getRequestedDeadline()),
                    r.getReason())));
            banner.addClassName("pending-extension");
            card.add(banner);
        });
        MeasureActions actions = new MeasureActions(workflow, storage, access, actor, m, pending,
                service.today());
        actions.addDoneListener(e -> {
            Notification.show(getTranslation("action.done"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        });
        if (actions.hasActions()) {
            card.add(actions);
        }
        card.add(new MeasureTimeline(timeline, m.getId()));
    }

    private Div measureCard(Measure m, boolean current) {
        Div card = new Div();
        card.addClassName("measure-card");
        if (current) {
            card.addClassName("current");
        }
        Span no = new Span(getTranslation("detail.measureNo", m.getSeqNo()));
        no.addClassName("measure-no");
        HorizontalLayout head = new HorizontalLayout(no, MeasureBadges.span(badges.status(m)));
        MeasureBadges.Badge alert = badges.alert(m);
        if (alert != null) {
            head.add(MeasureBadges.span(alert));
        }
        head.setAlignItems(Alignment.CENTER);
        card.add(head, paragraph(m.getContent()));

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "detail.leader", name(m.getLeader()));
        fact(facts, "detail.unit", m.getUnit().getName());
        fact(facts, "detail.contact", name(m.getContact()));
        fact(facts, "detail.type", getTranslation(m.getType().messageKey()));
        fact(facts, "detail.deadline", m.getDeadline() == null ? getTranslation("deadline.none")
                : MeasureBadges.date(m.getDeadline()));
        if (m.getOriginalDeadline() != null) {
            fact(facts, "detail.originalDeadline", MeasureBadges.date(m.getOriginalDeadline()));
        }
        fact(facts, "detail.lastProgress", MeasureBadges.date(m.getLastProgressOn()));
        fact(facts, "detail.completedOn", MeasureBadges.date(m.getCompletedOn()));
        card.add(facts);

        ProgressBar bar = new ProgressBar(0, 100, m.getProgress());
        bar.getElement().setAttribute("aria-label", getTranslation("detail.progress"));
        bar.getElement().setAttribute("theme", badges.progressTheme(m));
        Span percent = new Span(getTranslation("detail.progress") + " " + m.getProgress() + "%");
        Div progress = new Div(percent, bar);
        progress.addClassName("progress");
        card.add(progress);
        if (!Texts.isBlank(m.getProgressNote())) {
            Div note = new Div(new Span(getTranslation("detail.progressNote")), paragraph(m.getProgressNote()));
            note.addClassName("progress-note");
            card.add(note);
        }
        return card;
    }

    /** 转自 / 已转入: the other end of a carry-over, as a link. */
    private Div carryLink(String key, LedgerService.CarryLink link) {
        Anchor a = new Anchor(RouteConfiguration.forSessionScope().getUrl(MeasureDetailView.class,
                String.valueOf(link.measureId())), getTranslation("detail.carryTarget", link.meeting(),
                link.problemSeqNo()));
        Div box = new Div(AppIcon.ARROW_FORWARD.create(), new Span(getTranslation(key)), a);
        box.addClassName("carry-link");
        box.setId(key.replace('.', '-'));
        return box;
    }

    private String name(Person p) {
        return p == null ? "—" : p.getName();
    }

    private void fact(Div container, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        Span text = new Span(value);
        text.addClassName("fact-value");
        Div fact = new Div(label, text);
        fact.addClassName("fact");
        container.add(fact);
    }

    /** User text is always set as text, never as HTML. */
    private static Paragraph paragraph(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("text-block");
        return p;
    }
}
