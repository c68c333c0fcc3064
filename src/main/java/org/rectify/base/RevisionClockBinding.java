package org.rectify.base;

import java.time.Clock;
import org.rectify.base.domain.AuditRevision;
import org.springframework.stereotype.Component;

/**
 * Envers' revisions are stamped by the application's one clock (whichever bean it is: tests fix the day), so that
 * a report "as of a date" reads the history by the same calendar as "today" everywhere else. Bound while the
 * context starts, before anything is written.
 */
@Component
class RevisionClockBinding {

    RevisionClockBinding(Clock clock) {
        AuditRevision.useClock(clock);
    }
}
