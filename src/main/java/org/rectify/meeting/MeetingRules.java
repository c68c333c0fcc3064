package org.rectify.meeting;

import java.time.LocalDate;

/** The one definition of "filing overdue" (会后N天内报备案 missed). */
public final class MeetingRules {

    private MeetingRules() {
    }

    /**
     * Filing overdue: the meeting was held, its rectification list is not filed, and today is past the last day
     * for filing (held on + N days; filing on that day is in time).
     */
    public static boolean isFilingOverdue(Meeting m, LocalDate today) {
        return m.getStatus() != MeetingStatus.PREPARING && m.getFiledOn() == null
                && today.isAfter(m.filingDueOn());
    }
}
