package org.rectify.meeting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerService.LedgerTotals;
import org.rectify.ledger.LedgerService.ProblemTotals;
import org.rectify.ledger.LedgerService.TypeTotals;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.ui.LedgerUrl;
import org.rectify.ledger.ui.LedgerView;
import org.rectify.ledger.ui.MeasureDetailView;
import org.rectify.ledger.ui.ProblemEditorView;
import org.rectify.meeting.CarryOverService;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingAttendee;
import org.rectify.meeting.MeetingRules;
import org.rectify.meeting.MeetingService;
import org.rectify.recurrence.ui.RecurrencePanel;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.rectify.transfer.ui.ImportButtons;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One meeting: its facts and attendees, the filing of its list, the counts of its ledger by type and status, the
 * problems that look like earlier ones, and its items — with, for the office, the ways to fill its ledger (the
 * entry form, the Excel import, the carry-over of last year's unfinished items).
 */
@Route("meetings/item")
@RolesAllowed({Role.OFFICE_NAME, Role.LEADER_NAME})
public class MeetingView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final MeetingService meetings;
    private final LedgerService ledger;
    private final CarryOverService carryOver;
    private final ImportButtons imports;
    private final RecurrencePanel recurrence;
    private final CurrentUser currentUser;
    private final Today today;
    private final java.util.List<MeetingAction> extraActions;
    private long meetingId;
    private String title = "";

    public MeetingView(MeetingService meetings, LedgerService ledger, CarryOverService carryOver,
            ImportButtons imports, RecurrencePanel recurrence, CurrentUser currentUser, Today today,
            ObjectProvider<MeetingAction> extraActions) {
        this.extraActions = extraActions.orderedStream().toList();
        this.meetings = meetings;
        this.ledger = ledger;
        this.carryOver = carryOver;
        this.imports = imports;
        this.recurrence = recurrence;
        this.currentUser = currentUser;
        this.today = today;
        addClassName("meeting-view");
        setMaxWidth("1200px");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        meetingId = id == null ? -1 : id;
        render();
    }

    private void render() {
        removeAll();
        Anchor back = new Anchor(RouteConfiguration.forSessionScope().getUrl(MeetingsView.class),
                "← " + getTranslation("meetings.back"));
        back.addClassName("back-link");
        add(back);
        Meeting m;
        try {
            m = meetings.get(meetingId);
        } catch (RuntimeException e) {
            title = getTranslation("meeting.notFound");
            Paragraph p = new Paragraph(UserErrors.text(this, e));
            p.addClassName("not-found");
            add(new H2(title), p);
            return;
        }
        title = m.getTitle();
        boolean office = currentUser.require().is(Role.OFFICE);
        H2 heading = new H2(m.getTitle());
        heading.addClassName("view-title");
        HorizontalLayout titleRow = new HorizontalLayout(heading, MeetingBadges.status(this, m));
        titleRow.setAlignItems(Alignment.BASELINE);
        add(titleRow, actions(m, office), facts(m), filing(m, office), counts(m));
        if (!m.getAttendees().isEmpty()) {
            add(attendees(m));
        }
        recurrence.forMeeting(m.getId()).ifPresent(this::add);
        add(items(m));
    }

    private Component actions(Meeting m, boolean office) {
        FlexLayout bar = new FlexLayout();
        bar.addClassName("view-actions");
        if (office) {
            Button edit = new Button(getTranslation("meetings.edit"), AppIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(MeetingEditorView.class, String.valueOf(m.getId()))));
            edit.setId("edit-meeting");
            Button enter = new Button(getTranslation("nav.newProblem"), AppIcon.PLUS_SQUARE_O.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ProblemEditorView.class,
                            new QueryParameters(Map.of("meeting", List.of(String.valueOf(m.getId())))))));
            enter.setId("enter-problem");
            Button carry = new Button(getTranslation("carryOver.button"), AppIcon.ARROW_FORWARD.create(),
                    e -> new CarryOverDialog(carryOver, meetings, m, this::render).open());
            carry.setId("carry-over");
            carry.setEnabled(!meetings.earlier(m.getId()).isEmpty());
            bar.add(edit, enter, imports.ledgerImport(m.getId(), this::render), carry);
        }
        Button open = new Button(getTranslation("meetings.openLedger"), AppIcon.TABLE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(LedgerView.class, LedgerUrl.toQuery(
                        new LedgerFilter().setMeetingId(m.getId()), LedgerGrouping.UNIT))));
        open.setId("open-ledger");
        bar.add(open);
        extraActions.forEach(a -> a.create(m).ifPresent(bar::add));
        return bar;
    }

    private Component facts(Meeting m) {
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "meeting.kind", getTranslation(m.getKind().messageKey()));
        fact(facts, "meeting.organization", m.getOrganization().getName());
        fact(facts, "meeting.year", getTranslation("ledger.yearLabel", String.valueOf(m.getYear())));
        fact(facts, "meeting.heldOn", m.getHeldOn().toString());
        fact(facts, "meeting.guidanceGroup", nz(m.getGuidanceGroup()));
        fact(facts, "meeting.opinions", String.valueOf(m.getOpinionsCount()));
        fact(facts, "meeting.criticisms", String.valueOf(m.getCriticismsCount()));
        Div box = new Div(facts);
        box.setWidthFull();
        if (m.getTheme() != null) {
            Paragraph theme = new Paragraph(getTranslation("meeting.theme") + "：" + m.getTheme());
            theme.addClassName("meeting-theme");
            box.add(theme);
        }
        return box;
    }

    /** 会后N天内报备案: when it is due, whether it is done, and (office) recording it. */
    private Component filing(Meeting m, boolean office) {
        boolean overdue = MeetingRules.isFilingOverdue(m, today.date());
        Div box = new Div();
        box.addClassName("filing-box");
        box.setId("filing-box");
        if (overdue) {
            box.addClassName("overdue");
        }
        box.add(AppIcon.FILE_TEXT_O.create(), new Span(getTranslation("meeting.filingRule", m.getFilingDays(),
                m.filingDueOn().toString())), MeetingBadges.filing(this, m, overdue));
        if (office && m.getFiledOn() == null) {
            DatePicker on = ComponentTexts.datePicker(this, "meeting.filedOnField");
            on.setValue(today.date());
            on.setMax(today.date());
            on.setMin(m.getHeldOn());
            on.setId("filed-on");
            Button mark = new Button(getTranslation("meeting.markFiled"), e -> {
                try {
                    meetings.markFiled(m.getId(), m.getVersion(), on.getValue());
                    Notices.done(getTranslation("users.saved"));
                    render();
                } catch (RuntimeException ex) {
                    UserErrors.show(this, ex);
                }
            });
            mark.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            mark.setId("mark-filed");
            HorizontalLayout form = new HorizontalLayout(on, mark);
            form.setAlignItems(Alignment.BASELINE);
            box.add(form);
        }
        return box;
    }

    /** The ledger's numbers for this meeting, from the ledger's own aggregates. */
    private Component counts(Meeting m) {
        LedgerFilter mine = new LedgerFilter().setMeetingId(m.getId());
        LedgerTotals totals = ledger.totals(mine);
        ProblemTotals problems = ledger.problemTotals(mine);
        Div cards = new Div();
        cards.addClassName("meeting-counts");
        cards.setId("meeting-counts");
        card(cards, "meeting.count.problems", problems.total(),
                getTranslation("meeting.count.problemsScope", problems.team(), problems.individual()));
        card(cards, "meeting.count.measures", totals.total(), null);
        card(cards, "meeting.count.closed", totals.closed(), totals.total() == 0 ? null
                : getTranslation("meeting.count.rate", totals.completionPercent()));
        card(cards, "meeting.count.open", totals.open(), null);
        card(cards, "meeting.count.overdue", totals.overdue(), null);
        if (totals.carried() > 0) {
            card(cards, "meeting.count.carried", totals.carried(), null);
        }
        Div byType = new Div();
        byType.addClassName("meeting-breakdown");
        for (TypeTotals t : ledger.totalsByType(mine)) {
            byType.add(line(getTranslation(t.type().messageKey()), getTranslation("meeting.count.typeLine",
                    t.total(), t.closed(), t.open())));
        }
        Div byStatus = new Div();
        byStatus.addClassName("meeting-breakdown");
        for (Map.Entry<MeasureStatus, Long> e : ledger.countByStatus(mine).entrySet()) {
            if (e.getValue() > 0) {
                byStatus.add(line(getTranslation(e.getKey().messageKey()), String.valueOf(e.getValue())));
            }
        }
        Div box = new Div(new H3(getTranslation("meeting.section.counts")), cards);
        box.setWidthFull();
        if (totals.total() > 0) {
            HorizontalLayout breakdowns = new HorizontalLayout(
                    new Div(new Span(getTranslation("meeting.byType")), byType),
                    new Div(new Span(getTranslation("meeting.byStatus")), byStatus));
            breakdowns.addClassName("meeting-breakdowns");
            box.add(breakdowns);
        }
        return box;
    }

    private Component attendees(Meeting m) {
        Div list = new Div();
        list.addClassName("attendees");
        list.setId("attendees");
        for (MeetingAttendee a : m.getAttendees()) {
            Div row = new Div(new Span(a.getPerson().getName()), new Span(getTranslation(a.getPosition().messageKey())));
            if (a.getDuties() != null) {
                row.add(new Span(a.getDuties()));
            }
            row.addClassName("attendee");
            list.add(row);
        }
        Div box = new Div(new H3(getTranslation("meeting.section.attendeesCount", m.getAttendees().size())), list);
        box.setWidthFull();
        return box;
    }

    /** The meeting's items, page by page from the ledger's own query. */
    private Component items(Meeting m) {
        LedgerFilter mine = new LedgerFilter().setMeetingId(m.getId());
        Grid<Measure> grid = new Grid<>();
        grid.setId("meeting-items");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(x -> x.getProblem().getSeqNo() + "-" + x.getSeqNo()).setHeader(getTranslation("ledger.col.no"))
                .setWidth("5em").setFlexGrow(0);
        grid.addColumn(x -> x.getProblem().getDescription()).setHeader(getTranslation("ledger.col.problem"))
                .setFlexGrow(2);
        grid.addColumn(Measure::getContent).setHeader(getTranslation("ledger.col.measure")).setFlexGrow(2);
        grid.addColumn(x -> x.getUnit().getName()).setHeader(getTranslation("ledger.col.unit")).setWidth("8em")
                .setFlexGrow(0);
        grid.addColumn(x -> x.getDeadline() == null ? getTranslation("deadline.none") : x.getDeadline().toString())
                .setHeader(getTranslation("ledger.col.deadline")).setWidth("7.5em").setFlexGrow(0);
        grid.addColumn(x -> getTranslation(x.getStatus().messageKey())).setHeader(getTranslation("ledger.col.status"))
                .setWidth("7em").setFlexGrow(0);
        grid.setItems(DataProvider.fromCallbacks(
                q -> ledger.find(mine, null, q.getOffset(), q.getLimit(), List.of()).stream(),
                q -> (int) ledger.count(mine, null)));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MeasureDetailView.class,
                String.valueOf(e.getItem().getId()))));
        grid.setHeight("32em");
        Div box = new Div(new H3(getTranslation("meeting.section.items")), grid);
        box.setWidthFull();
        return box;
    }

    private static Div line(String label, String value) {
        Div d = new Div(new Span(label), new Span(value));
        d.addClassName("breakdown-line");
        return d;
    }

    private void card(Div cards, String labelKey, long value, String note) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("count-value");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("count-label");
        Div card = new Div(number, label);
        if (note != null) {
            Span n = new Span(note);
            n.addClassName("count-note");
            card.add(n);
        }
        card.addClassName("count-card");
        cards.add(card);
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

    private static String nz(String s) {
        return Texts.isBlank(s) ? "—" : s;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
