package org.rectify.meeting.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.rectify.base.Violation;
import org.rectify.base.ui.FieldErrors;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingAttendee;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingService.AttendeeDraft;
import org.rectify.meeting.MeetingService.MeetingDraft;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.ui.OrgLabels;

/**
 * A meeting's facts, its attendees with the positions they held then, its status and its filing. It only holds
 * values and shows the service's verdict; it fires {@link SaveEvent} and {@link CancelEvent}.
 */
public class MeetingForm extends Composite<VerticalLayout> {

    public static class SaveEvent extends ComponentEvent<MeetingForm> {
        private final MeetingDraft draft;

        SaveEvent(MeetingForm source, MeetingDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public MeetingDraft draft() {
            return draft;
        }
    }

    public static class CancelEvent extends ComponentEvent<MeetingForm> {
        CancelEvent(MeetingForm source) {
            super(source, false);
        }
    }

    private final MeetingService.FormOptions options;
    private final TextField title = new TextField();
    private final Select<MeetingKind> kind = new Select<>();
    private final ComboBox<Unit> organization = new ComboBox<>();
    private final IntegerField year = new IntegerField();
    private final DatePicker heldOn;
    private final Select<MeetingStatus> status = new Select<>();
    private final TextArea theme = new TextArea();
    private final TextField guidanceGroup = new TextField();
    private final IntegerField opinions = new IntegerField();
    private final IntegerField criticisms = new IntegerField();
    private final IntegerField filingDays = new IntegerField();
    private final DatePicker filedOn;
    private final VerticalLayout attendeeList = new VerticalLayout();
    private final List<AttendeeRow> attendees = new ArrayList<>();
    private final FieldErrors errors = new FieldErrors(this);
    private Long id;
    private Integer version;
    /** The title follows organization, year and kind until the office types one of its own. */
    private boolean titleTyped;

    public MeetingForm(MeetingService.FormOptions options) {
        this.options = options;
        heldOn = ComponentTexts.datePicker(this, "meeting.heldOn");
        filedOn = ComponentTexts.datePicker(this, "meeting.filedOnField");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("meeting-form");

        kind.setLabel(getTranslation("meeting.kind"));
        kind.setItems(MeetingKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setId("meeting-kind");
        organization.setLabel(getTranslation("meeting.organization"));
        organization.setItems(options.organizations());
        organization.setItemLabelGenerator(OrgLabels::indented);
        organization.setRequiredIndicatorVisible(true);
        organization.setId("meeting-organization");
        organization.getStyle().set("--vaadin-combo-box-overlay-width", "24em");
        year.setLabel(getTranslation("meeting.year"));
        year.setMin(2000);
        year.setMax(2100);
        year.setStepButtonsVisible(true);
        year.setId("meeting-year");
        title.setLabel(getTranslation("meeting.title"));
        title.setMaxLength(200);
        title.setRequiredIndicatorVisible(true);
        title.setId("meeting-title");
        title.addValueChangeListener(e -> titleTyped |= e.isFromClient());
        heldOn.setRequiredIndicatorVisible(true);
        heldOn.setId("meeting-held-on");
        status.setLabel(getTranslation("meeting.status"));
        status.setItems(MeetingStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setId("meeting-status");
        theme.setLabel(getTranslation("meeting.theme"));
        theme.setMaxLength(500);
        theme.setId("meeting-theme");
        guidanceGroup.setLabel(getTranslation("meeting.guidanceGroup"));
        guidanceGroup.setMaxLength(200);
        guidanceGroup.setId("meeting-guidance");
        opinions.setLabel(getTranslation("meeting.opinions"));
        opinions.setMin(0);
        opinions.setId("meeting-opinions");
        criticisms.setLabel(getTranslation("meeting.criticisms"));
        criticisms.setMin(0);
        criticisms.setId("meeting-criticisms");
        filingDays.setLabel(getTranslation("meeting.filingDays"));
        filingDays.setMin(1);
        filingDays.setMax(365);
        filingDays.setHelperText(getTranslation("meeting.filingDaysHelp"));
        filingDays.setId("meeting-filing-days");
        filedOn.setId("meeting-filed-on");
        filedOn.setHelperText(getTranslation("meeting.filedOnHelp"));
        kind.addValueChangeListener(e -> suggestTitle());
        organization.addValueChangeListener(e -> suggestTitle());
        year.addValueChangeListener(e -> suggestTitle());
        heldOn.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && year.getValue() == null) {
                // A meeting reviews the year before the one it is held in ("2025年度" held in January 2026).
                int held = e.getValue().getYear();
                year.setValue(e.getValue().getMonthValue() <= 6 ? held - 1 : held);
            }
        });

        errors.field("title", title).field("kind", kind).field("organization", organization).field("year", year)
                .field("heldOn", heldOn).field("status", status).field("theme", theme)
                .field("guidanceGroup", guidanceGroup).field("opinionsCount", opinions)
                .field("criticismsCount", criticisms).field("filingDays", filingDays).field("filedOn", filedOn);

        FormLayout facts = new FormLayout(kind, organization, year, heldOn, status);
        facts.add(title, 2);
        facts.add(theme, 3);
        facts.add(guidanceGroup, opinions, criticisms);
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        FormLayout filing = new FormLayout(filingDays, filedOn);
        filing.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));

        attendeeList.setPadding(false);
        attendeeList.setSpacing(false);
        attendeeList.addClassName("attendee-list");
        Button add = new Button(getTranslation("meeting.addAttendee"), AppIcon.PLUS.create(),
                e -> addAttendee(null, null, null));
        add.setId("add-attendee");
        Button addCommittee = new Button(getTranslation("meeting.addCommittee"), AppIcon.USERS.create(),
                e -> addCommittee());
        addCommittee.setId("add-committee");
        Paragraph attendeeHint = new Paragraph(getTranslation("meeting.attendeesHint"));
        attendeeHint.addClassName("form-hint");

        Button save = new Button(getTranslation("form.save"), e -> fireEvent(new SaveEvent(this, draft())));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-meeting");
        Button cancel = new Button(getTranslation("action.cancel"), e -> fireEvent(new CancelEvent(this)));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        buttons.addClassName("form-buttons");

        layout.add(errors.summary(), new H3(getTranslation("meeting.section.facts")), facts,
                new H3(getTranslation("meeting.section.filing")), filing,
                new H3(getTranslation("meeting.section.attendees")), attendeeHint, attendeeList,
                new HorizontalLayout(add, addCommittee), buttons);
    }

    private void suggestTitle() {
        if (!titleTyped && organization.getValue() != null && kind.getValue() != null) {
            title.setValue(MeetingService.suggestTitle(organization.getValue(), year.getValue(),
                    getTranslation(kind.getValue().messageKey())));
        }
    }

    /** Fills the form from a meeting, or with a new meeting's defaults when {@code m} is null. */
    public void setMeeting(Meeting m, int defaultFilingDays) {
        id = m == null ? null : m.getId();
        version = m == null ? null : m.getVersion();
        titleTyped = m != null;
        kind.setValue(m == null ? MeetingKind.DEMOCRATIC_LIFE : m.getKind());
        Unit org = m == null ? options.organizations().stream().findFirst().orElse(null) : m.getOrganization();
        organization.setValue(org == null ? null : options.organizations().stream()
                .filter(u -> u.getId().equals(org.getId())).findFirst().orElse(org));
        year.setValue(m == null ? null : m.getYear());
        heldOn.setValue(m == null ? null : m.getHeldOn());
        status.setValue(m == null ? MeetingStatus.PREPARING : m.getStatus());
        title.setValue(m == null ? "" : m.getTitle());
        theme.setValue(m == null || m.getTheme() == null ? "" : m.getTheme());
        guidanceGroup.setValue(m == null || m.getGuidanceGroup() == null ? "" : m.getGuidanceGroup());
        opinions.setValue(m == null ? 0 : m.getOpinionsCount());
        criticisms.setValue(m == null ? 0 : m.getCriticismsCount());
        filingDays.setValue(m == null ? defaultFilingDays : m.getFilingDays());
        filedOn.setValue(m == null ? null : m.getFiledOn());
        attendees.clear();
        attendeeList.removeAll();
        if (m != null) {
            for (MeetingAttendee a : m.getAttendees()) {
                addAttendee(a.getPerson(), a.getPosition(), a.getDuties());
            }
        }
        if (m == null) {
            suggestTitle();
        }
        errors.clear();
    }

    /** The committee members of the chosen organization (or all), each once. */
    private void addCommittee() {
        for (Person p : options.people()) {
            boolean inOrg = organization.getValue() == null || p.getUnit().getPath()
                    .startsWith(organization.getValue().getPath());
            boolean present = attendees.stream().anyMatch(r -> r.person.getValue() != null
                    && r.person.getValue().getId().equals(p.getId()));
            if (p.isCommitteeMember() && inOrg && !present) {
                addAttendee(p, p.getPosition(), null);
            }
        }
    }

    private void addAttendee(Person person, Position position, String duties) {
        AttendeeRow row = new AttendeeRow();
        row.person.setValue(person == null ? null : options.people().stream()
                .filter(p -> p.getId().equals(person.getId())).findFirst().orElse(person));
        if (person != null && options.people().stream().noneMatch(p -> p.getId().equals(person.getId()))) {
            // Someone who left since: still shown at the meetings they attended.
            row.person.setItems(withExtra(person));
            row.person.setValue(person);
        }
        row.position.setValue(position);
        row.duties.setValue(duties == null ? "" : duties);
        attendees.add(row);
        attendeeList.add(row.layout);
    }

    private List<Person> withExtra(Person extra) {
        List<Person> list = new ArrayList<>(options.people());
        list.add(extra);
        return list;
    }

    /** One attendee: who, in which position at the time, with which duties. */
    private final class AttendeeRow {
        final ComboBox<Person> person = new ComboBox<>();
        final Select<Position> position = new Select<>();
        final TextField duties = new TextField();
        final HorizontalLayout layout = new HorizontalLayout();

        AttendeeRow() {
            person.setItems(options.people());
            person.setItemLabelGenerator(OrgLabels::person);
            person.setPlaceholder(getTranslation("meeting.attendee"));
            person.setWidth("18em");
            org.rectify.base.ui.Pickers.wide(person);
            person.addClassName("attendee-person");
            person.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null && position.getValue() == null) {
                    position.setValue(e.getValue().getPosition());
                }
            });
            position.setItems(Position.values());
            position.setItemLabelGenerator(p -> p == null ? "" : getTranslation(p.messageKey()));
            position.setPlaceholder(getTranslation("people.position"));
            position.setWidth("9em");
            position.addClassName("attendee-position");
            duties.setPlaceholder(getTranslation("meeting.duties"));
            duties.setMaxLength(2000);
            duties.addClassName("attendee-duties");
            Button remove = new Button(AppIcon.CLOSE_SMALL.create(), e -> {
                attendees.remove(this);
                attendeeList.remove(layout);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel(getTranslation("meeting.removeAttendee"));
            layout.add(person, position, duties, remove);
            layout.setFlexGrow(1, duties);
            layout.setWidthFull();
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.addClassName("attendee-row");
        }
    }

    MeetingDraft draft() {
        List<AttendeeDraft> list = attendees.stream()
                .map(r -> new AttendeeDraft(r.person.getValue() == null ? null : r.person.getValue().getId(),
                        r.position.getValue(), r.duties.getValue()))
                .toList();
        return new MeetingDraft(id, version, title.getValue(), kind.getValue(),
                organization.getValue() == null ? null : organization.getValue().getId(), year.getValue(),
                heldOn.getValue(), theme.getValue(), guidanceGroup.getValue(), opinions.getValue(),
                criticisms.getValue(), status.getValue(), filingDays.getValue(), filedOn.getValue(), list);
    }

    public void showViolations(List<Violation> violations) {
        errors.show(violations.stream().filter(v -> v.index() < 0).toList());
        attendees.forEach(r -> {
            r.person.setInvalid(false);
            r.position.setInvalid(false);
            r.duties.setInvalid(false);
        });
        for (Violation v : violations) {
            if (v.index() < 0 || v.index() >= attendees.size()) {
                continue;
            }
            AttendeeRow row = attendees.get(v.index());
            String text = UserErrors.translate(this, v.messageKey(), v.args());
            com.vaadin.flow.component.HasValidation field = switch (v.field()) {
                case "attendee.person" -> row.person;
                case "attendee.position" -> row.position;
                default -> row.duties;
            };
            field.setErrorMessage(text);
            field.setInvalid(true);
        }
        if (violations.stream().allMatch(v -> v.index() >= 0)) {
            errors.summary().setText(getTranslation("form.fixErrors", violations.size()));
            errors.summary().setVisible(true);
        }
    }

    public void showError(Throwable error) {
        errors.show(error);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** For the page title. */
    boolean isNew() {
        return id == null;
    }
}
