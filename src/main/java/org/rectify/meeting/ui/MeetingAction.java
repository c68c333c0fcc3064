package org.rectify.meeting.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.rectify.meeting.Meeting;

/**
 * A control another feature adds to a meeting's page (the three lists, the 通报), so the meeting does not depend
 * on every feature that works on meetings. Implementations are Spring beans, ordered with {@code @Order}.
 */
public interface MeetingAction {

    /** The control for this meeting, or empty when it does not apply (or the user may not use it). */
    Optional<Component> create(Meeting meeting);
}
