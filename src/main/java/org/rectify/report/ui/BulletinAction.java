package org.rectify.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.ui.MeetingAction;
import org.rectify.report.BulletinService;
import org.springframework.core.annotation.Order;

/**
 * 整改落实情况通报 on a meeting's page, and — the new meeting needs it — 通报上年度整改落实情况: the same report for
 * the previous meeting of the organization, as of the new meeting's day.
 */
@org.springframework.stereotype.Component
@Order(20)
class BulletinAction implements MeetingAction {

    private final MeetingService meetings;
    private final BulletinService bulletins;

    BulletinAction(MeetingService meetings, BulletinService bulletins) {
        this.meetings = meetings;
        this.bulletins = bulletins;
    }

    @Override
    public Optional<Component> create(Meeting meeting) {
        Span both = new Span();
        both.addClassName("bulletin-actions");
        Button mine = new Button(both.getTranslation("bulletin.button"), AppIcon.FILE_TEXT.create(),
                e -> BulletinView.open(meeting.getId(), null));
        mine.setId("bulletin");
        both.add(mine);
        meetings.previous(meeting.getId()).ifPresent(previous -> {
            java.time.LocalDate asOf = bulletins.previousYearAsOf(meeting, previous.getId());
            Button last = new Button(both.getTranslation("bulletin.previous"), AppIcon.FILE_TEXT_O.create(),
                    e -> BulletinView.open(previous.getId(), asOf));
            last.setId("bulletin-previous");
            last.setTooltipText(both.getTranslation("bulletin.previousTooltip", previous.getTitle(), asOf.toString()));
            both.add(last);
        });
        return Optional.of(both);
    }
}
