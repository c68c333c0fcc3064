package org.rectify.meeting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.rectify.meeting.Meeting;

/** The badges a meeting shows in the list and on its page: its status and its filing. */
final class MeetingBadges {

    private MeetingBadges() {
    }

    static Span status(Component owner, Meeting m) {
        return badge(owner.getTranslation(m.getStatus().messageKey()), switch (m.getStatus()) {
            case PREPARING -> "badge contrast small";
            case HELD -> "badge small";
            case RECTIFYING -> "badge info small";
            case COMPLETED -> "badge success small";
        });
    }

    /** 已报备 (date), 报备已超期 (the last day), or the last day for filing. */
    static Span filing(Component owner, Meeting m, boolean overdue) {
        if (m.getFiledOn() != null) {
            return badge(owner.getTranslation("meeting.filedOn", m.getFiledOn().toString()), "badge success small");
        }
        if (overdue) {
            return badge(owner.getTranslation("meeting.filingOverdue", m.filingDueOn().toString()),
                    "badge error small");
        }
        return badge(owner.getTranslation("meeting.filingDue", m.filingDueOn().toString()), "badge contrast small");
    }

    private static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        return s;
    }
}
