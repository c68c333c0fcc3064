package org.rectify.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureRules;
import org.rectify.ledger.MeasureStatus;

/**
 * How a measure's state looks on screen: status badge and the deadline alert (逾期/临期/长期未更新). The rules
 * themselves are the service's; this class only words and colours them, for the grid and the detail page alike.
 */
final class MeasureBadges {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(ComponentTexts.DATE_PATTERN);

    /** A Lumo badge: its text, theme (e.g. "badge error") and what it means, for a tooltip (may be empty). */
    record Badge(String text, String theme, String tip) {
        Badge(String text, String theme) {
            this(text, theme, "");
        }
    }

    private final Component owner;
    private final LedgerService service;
    private final LocalDate today;

    MeasureBadges(Component owner, LedgerService service) {
        this.owner = owner;
        this.service = service;
        this.today = service.today();
    }

    Badge status(Measure m) {
        String theme = switch (m.getStatus()) {
            case NOT_STARTED -> "badge contrast";
            case IN_PROGRESS -> "badge info";
            case PENDING_CLOSE -> "badge warning";
            case CLOSED -> "badge success";
            case RETURNED -> "badge error";
            case CARRIED_OVER -> "badge contrast";
        };
        return new Badge(owner.getTranslation(m.getStatus().messageKey()), theme);
    }

    /** Progress bar colour: green once closed, red while overdue, neutral otherwise (the primary colour is red). */
    String progressTheme(Measure m) {
        if (m.getStatus() == MeasureStatus.CLOSED) {
            return "success";
        }
        return service.isOverdue(m) ? "error" : "contrast";
    }

    /** The alert for the deadline, or {@code null} when there is nothing to say. */
    Badge alert(Measure m) {
        if (service.isOverdue(m)) {
            long days = ChronoUnit.DAYS.between(m.getDeadline(), today);
            return new Badge(owner.getTranslation("alert.overdue", days), "badge error");
        }
        if (service.isAtRisk(m)) {
            // Due soon and silent for long: the one alert that asks for a call today, so it comes first.
            return new Badge(owner.getTranslation("alert.atRisk"), "badge error primary",
                    owner.getTranslation("alert.atRisk.tip", MeasureRules.AT_RISK_WINDOW_DAYS,
                            MeasureRules.AT_RISK_SILENT_DAYS));
        }
        if (service.isDueSoon(m)) {
            long days = ChronoUnit.DAYS.between(today, m.getDeadline());
            return new Badge(days == 0 ? owner.getTranslation("alert.dueToday")
                    : owner.getTranslation("alert.dueIn", days), "badge warning");
        }
        if (service.isStale(m)) {
            return new Badge(owner.getTranslation("alert.stale"), "badge contrast");
        }
        if (m.isClosedLate()) {
            return new Badge(owner.getTranslation("alert.closedLate"), "badge contrast");
        }
        return null;
    }

    /** 整改时限: the date in force, "长期" when there is none, and a mark when it was extended. */
    String deadline(Measure m) {
        if (m.getDeadline() == null) {
            return owner.getTranslation("deadline.none");
        }
        String date = DATE.format(m.getDeadline());
        return m.getOriginalDeadline() == null ? date : owner.getTranslation("deadline.extended", date);
    }

    /** A Lumo badge element. */
    static Span span(String text, String theme) {
        Span span = new Span(text);
        span.getElement().getThemeList().addAll(Arrays.asList(theme.split(" ")));
        return span;
    }

    static Span span(Badge badge) {
        Span span = span(badge.text(), badge.theme());
        if (!badge.tip().isEmpty()) {
            span.getElement().setAttribute("title", badge.tip());
        }
        return span;
    }

    static String date(LocalDate d) {
        return d == null ? "—" : DATE.format(d);
    }
}
