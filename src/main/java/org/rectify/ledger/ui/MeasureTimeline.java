package org.rectify.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.rectify.base.domain.Labelled;
import org.rectify.ledger.EventKind;
import org.rectify.ledger.Evidence;
import org.rectify.ledger.EvidenceStorage;
import org.rectify.ledger.MeasureEvent;
import org.rectify.ledger.TimelineService;

/**
 * The item's history, newest first: progress reports, status changes, urgings, extensions and the evidence that
 * came with them; and, folded away, Envers' revisions of the row. User text is always set as text.
 */
class MeasureTimeline extends Composite<VerticalLayout> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TimelineService timeline;

    MeasureTimeline(TimelineService timeline, long measureId) {
        this.timeline = timeline;
        VerticalLayout layout = getContent();
        layout.addClassName("timeline");
        layout.setPadding(false);
        layout.setSpacing(false);

        List<TimelineService.Entry> entries = timeline.timeline(measureId);
        layout.add(new H3(getTranslation("timeline.title", entries.size())));
        if (entries.isEmpty()) {
            layout.add(new Paragraph(getTranslation("timeline.empty")));
        }
        for (TimelineService.Entry entry : entries) {
            layout.add(entry(entry));
        }
        List<TimelineService.Revision> revisions = timeline.revisions(measureId);
        VerticalLayout revList = new VerticalLayout();
        revList.setPadding(false);
        revList.setSpacing(false);
        for (TimelineService.Revision r : revisions) {
            String changed = r.changedFields().isEmpty() ? getTranslation("revision.created")
                    : r.changedFields().stream().map(this::getTranslation).collect(Collectors.joining("、"));
            String author = r.author() == null ? getTranslation("revision.system") : r.author();
            Div line = new Div(new Span(getTranslation("revision.line", r.number(), TIME.format(r.at()), author,
                    changed)));
            line.addClassName("revision");
            for (TimelineService.Change c : r.changes()) {
                Div change = new Div(new Span(getTranslation("revision.change", getTranslation(c.field()),
                        value(c.before()), value(c.after()))));
                change.addClassName("revision-change");
                line.add(change);
            }
            revList.add(line);
        }
        Details details = new Details(getTranslation("revision.title", revisions.size()), revList);
        details.addClassName("revisions");
        layout.add(details);
    }

    private Component entry(TimelineService.Entry entry) {
        MeasureEvent e = entry.event();
        Div item = new Div();
        item.addClassName("timeline-entry");
        item.addClassName("kind-" + e.getKind().code());

        Span kind = new Span(getTranslation(e.getKind().messageKey()));
        kind.addClassName("timeline-kind");
        Span who = new Span(e.getActorName());
        who.addClassName("timeline-actor");
        Span when = new Span(TIME.format(e.getHappenedAt()));
        when.addClassName("timeline-time");
        Div head = new Div(kind, who, when);
        head.addClassName("timeline-head");
        item.add(head);

        Div facts = new Div();
        facts.addClassName("timeline-facts");
        if (e.getFromStatus() != null && e.getToStatus() != null && e.getFromStatus() != e.getToStatus()) {
            facts.add(new Span(getTranslation("timeline.status", getTranslation(e.getFromStatus().messageKey()),
                    getTranslation(e.getToStatus().messageKey()))));
        }
        if (e.getProgress() != null) {
            facts.add(new Span(getTranslation("timeline.progress", e.getProgress())));
        }
        if (e.getNewDeadline() != null) {
            facts.add(new Span(deadlineFact(e)));
        }
        if (e.getKind() == EventKind.URGED) {
            facts.add(new Span(getTranslation("timeline.urged", e.getUrgedBy(), MeasureBadges.date(e.getEventDate()))));
        }
        if (facts.getComponentCount() > 0) {
            item.add(facts);
        }
        if (e.getNote() != null) {
            Paragraph note = new Paragraph(e.getNote());
            note.addClassName("text-block");
            item.add(note);
        }
        if (!entry.files().isEmpty()) {
            item.add(files(entry.files()));
        }
        return item;
    }

    /**
     * Photos as thumbnails that open a preview (evidence is often a photo taken on site); every file keeps its
     * download link with name and size.
     */
    private Component files(List<Evidence> evidence) {
        Div files = new Div();
        files.addClassName("timeline-files");
        Div thumbs = new Div();
        thumbs.addClassName("evidence-thumbs");
        for (Evidence f : evidence) {
            if (EvidenceStorage.isImage(f.getFileName())) {
                thumbs.add(thumbnail(f));
            }
        }
        if (thumbs.getComponentCount() > 0) {
            files.add(thumbs);
        }
        evidence.forEach(f -> files.add(download(f)));
        return files;
    }

    private Component thumbnail(Evidence f) {
        Image small = new Image(image(f), f.getFileName());
        Button open = new Button(small, e -> preview(f));
        open.addClassName("evidence-thumb");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.setAriaLabel(getTranslation("evidence.preview", f.getFileName()));
        open.setTooltipText(f.getFileName());
        return open;
    }

    private void preview(Evidence f) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(f.getFileName());
        dialog.addClassName("evidence-preview");
        dialog.setWidth("min(60rem, 96vw)");
        dialog.add(new Image(image(f), f.getFileName()));
        Button close = new Button(getTranslation("dialog.close"), e -> dialog.close());
        dialog.getFooter().add(download(f), close);
        dialog.open();
    }

    /** The picture inline (only pictures are shown inline; every other file downloads as an attachment). */
    private DownloadHandler image(Evidence f) {
        return file(f.getId()).inline();
    }

    /**
     * Streams the file after the service has checked, again, that the user may see its item. The content type is
     * the one of its checked extension, and nosniff keeps the browser from guessing another from the bytes.
     */
    private InputStreamDownloadHandler file(long id) {
        return DownloadHandler.fromInputStream(event -> {
            TimelineService.Download d = timeline.download(id);
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            return new DownloadResponse(d.content(), d.fileName(), d.contentType(), d.size());
        });
    }

    /** A revision's value in words: labels translated, dates and percentages formatted, "—" for none. */
    private String value(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Labelled l) {
            return getTranslation(l.messageKey());
        }
        if (v instanceof java.time.LocalDate d) {
            return MeasureBadges.date(d);
        }
        if (v instanceof Integer percent) {
            return percent + "%";
        }
        return v.toString();
    }

    /**
     * What an entry says about the deadline: only an approval (or an office edit) changed it; a request asks for a
     * date, and a refusal leaves the deadline as it was.
     */
    private String deadlineFact(MeasureEvent e) {
        String from = MeasureBadges.date(e.getOldDeadline());
        String to = MeasureBadges.date(e.getNewDeadline());
        return switch (e.getKind()) {
            case EXTENSION_REQUESTED -> getTranslation("timeline.extensionRequested", to);
            case EXTENSION_REFUSED -> getTranslation("timeline.extensionRefused", to, from);
            default -> getTranslation("timeline.deadline", from, to);
        };
    }

    /** A link that downloads the file as an attachment. */
    Anchor download(Evidence f) {
        Anchor link = new Anchor(file(f.getId()), f.getFileName() + " (" + size(f.getSizeBytes()) + ")");
        link.addClassName("evidence-link");
        link.getElement().setAttribute("title", "SHA-256 " + f.getSha256());
        return link;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f kB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
