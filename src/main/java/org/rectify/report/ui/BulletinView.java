package org.rectify.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.rectify.base.Today;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.ui.MeetingView;
import org.rectify.report.Bulletin;
import org.rectify.report.BulletinService;
import org.rectify.security.Role;

/**
 * 整改落实情况通报 of a meeting: choose the day reported, the recipients and the signer; the notice shows as it
 * will print, and downloads as a Word document to edit in Word or WPS. The day is in the URL
 * ({@code ?asOf=2026-01-15}), so the previous year's report is one link from the new meeting's page.
 */
@Route("reports/bulletin")
@RolesAllowed({Role.OFFICE_NAME, Role.LEADER_NAME})
public class BulletinView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final BulletinService bulletins;
    private final MeetingService meetings;
    private final Today today;

    private final DatePicker asOf;
    private final TextField recipient = new TextField();
    private final TextField signer = new TextField();
    private final DatePicker dated;
    private final Div paper = new Div();
    private final Anchor download = new Anchor();
    private long meetingId;
    private String title = "";
    /** The notice as last composed; the download writes exactly this. */
    private volatile Bulletin shown;
    private volatile LocalDate shownAsOf;

    public BulletinView(BulletinService bulletins, MeetingService meetings, Today today) {
        this.bulletins = bulletins;
        this.meetings = meetings;
        this.today = today;
        this.asOf = ComponentTexts.datePicker(this, "bulletin.asOf");
        this.dated = ComponentTexts.datePicker(this, "bulletin.dated");
        addClassName("bulletin-view");
        setMaxWidth("1100px");
    }

    /** Opens the notice of a meeting, as of a day (null: today). */
    static void open(long meetingId, LocalDate asOf) {
        String url = RouteConfiguration.forSessionScope().getUrl(BulletinView.class, meetingId);
        UI.getCurrent().navigate(url, asOf == null ? QueryParameters.empty()
                : QueryParameters.simple(Map.of("asOf", asOf.toString())));
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        meetingId = id == null ? -1 : id;
        removeAll();
        Meeting m;
        try {
            m = meetings.get(meetingId);
        } catch (RuntimeException e) {
            title = getTranslation("meeting.notFound");
            Paragraph message = new Paragraph(UserErrors.text(this, e));
            message.addClassName("not-found");
            add(new H2(title), message);
            return;
        }
        title = getTranslation("bulletin.title") + " · " + m.getTitle();
        Anchor back = new Anchor(RouteConfiguration.forSessionScope().getUrl(MeetingView.class, m.getId()),
                "← " + m.getTitle());
        back.addClassName("back-link");
        H2 heading = new H2(getTranslation("bulletin.title"));
        heading.addClassName("view-title");
        LocalDate day = parse(event.getLocation().getQueryParameters().getSingleParameter("asOf").orElse(null));
        LocalDate first = bulletins.firstDay(m);
        day = bulletins.clamp(day, first);
        BulletinService.Letterhead defaults = bulletins.defaultLetterhead(meetingId, day);
        asOf.setMin(first);
        asOf.setMax(today.date());
        asOf.setValue(day);
        asOf.setId("bulletin-as-of");
        recipient.setLabel(getTranslation("bulletin.recipient"));
        recipient.setValue(defaults.recipient());
        recipient.setMaxLength(200);
        recipient.setId("bulletin-recipient");
        signer.setLabel(getTranslation("bulletin.signer"));
        signer.setValue(defaults.signer());
        signer.setMaxLength(100);
        signer.setId("bulletin-signer");
        dated.setValue(defaults.dated());
        dated.setId("bulletin-dated");
        for (var field : List.of(recipient, signer)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setWidth("16em");
            field.addValueChangeListener(e -> compose());
        }
        asOf.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                // The notice is usually dated the day it reports; follow unless the office chose another day.
                if (dated.getValue() == null || dated.getValue().equals(e.getOldValue())) {
                    dated.setValue(e.getValue());
                }
                UI.getCurrent().getPage().getHistory().replaceState(null,
                        RouteConfiguration.forSessionScope().getUrl(BulletinView.class, meetingId) + "?asOf="
                                + e.getValue());
            }
            compose();
        });
        dated.addValueChangeListener(e -> compose());

        download.setHref(DownloadHandler.fromInputStream(ev -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            bulletins.writeWord(shown, out);
            byte[] bytes = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), bulletins.fileName(shown, shownAsOf), DOCX,
                    bytes.length);
        }));
        download.getElement().setAttribute("download", true);
        download.removeAll();
        download.add(AppIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("bulletin.download")));
        download.addClassName("button-link");
        download.setId("bulletin-download");

        FlexLayout controls = new FlexLayout(asOf, recipient, signer, dated, download);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.addClassName("bulletin-controls");
        Paragraph hint = new Paragraph(getTranslation("bulletin.hint"));
        hint.addClassName("hint");
        paper.addClassName("bulletin-paper");
        paper.setId("bulletin-paper");
        add(back, heading, controls, hint, paper);
        compose();
    }

    private void compose() {
        paper.removeAll();
        try {
            Bulletin b = bulletins.compose(meetingId, asOf.getValue(), new BulletinService.Letterhead(
                    recipient.getValue(), signer.getValue(), dated.getValue()));
            shown = b;
            shownAsOf = asOf.getValue();
            download.setEnabled(true);
            render(b);
        } catch (RuntimeException e) {
            download.setEnabled(false);
            Div error = new Div(UserErrors.text(this, e));
            error.addClassName("form-error");
            paper.add(error);
        }
    }

    /** The notice as it prints: title, 主送, parts and tables, 落款. */
    private void render(Bulletin b) {
        Div t = new Div(b.title());
        t.addClassName("doc-title");
        Div to = new Div(b.recipient());
        to.addClassName("doc-recipient");
        paper.add(t, to);
        for (Bulletin.Block block : b.body()) {
            paper.add(block(block));
        }
        Div sign = new Div(new Div(b.signer()), new Div(b.dated()));
        sign.addClassName("doc-signature");
        paper.add(sign);
    }

    private static Component block(Bulletin.Block block) {
        if (block instanceof Bulletin.Heading h) {
            Div d = new Div(h.text());
            d.addClassName("doc-heading");
            return d;
        }
        if (block instanceof Bulletin.Paragraph p) {
            Paragraph d = new Paragraph(p.text());
            d.addClassName("doc-paragraph");
            return d;
        }
        Bulletin.Table t = (Bulletin.Table) block;
        NativeTable table = new NativeTable();
        table.addClassName("doc-table");
        NativeTableRow head = table.getHead().addRow();
        int units = t.widths().stream().mapToInt(Integer::intValue).sum();
        for (int c = 0; c < t.headers().size(); c++) {
            var th = head.addHeaderCell();
            th.setText(t.headers().get(c));
            th.getStyle().set("width", t.widths().get(c) * 100 / units + "%");
        }
        for (List<String> r : t.rows()) {
            NativeTableRow row = table.getBody().addRow();
            for (String v : r) {
                var td = row.addDataCell();
                td.setText(v);
                // As in the Word file: short cells centred, long text left to right.
                if (v != null && v.length() > 12) {
                    td.addClassName("long");
                }
            }
        }
        Div caption = new Div(t.caption());
        caption.addClassName("doc-caption");
        Div wrap = new Div(caption, table);
        wrap.addClassName("doc-table-wrap");
        return wrap;
    }

    private static LocalDate parse(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
