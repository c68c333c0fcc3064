package org.rectify.meeting;

import java.time.LocalDate;
import java.util.List;
import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.RectificationService;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上年度未整改到位 (回头看): from a new meeting, the office takes over chosen unfinished measures of an earlier
 * meeting of the same organization. Each becomes a problem of the new meeting linked to its original; the
 * original keeps its history and is frozen as 已转入下年度, so nothing is carried twice.
 */
@Service
@Transactional
public class CarryOverService {

    /** More than this many unfinished items are carried over in several rounds. */
    public static final int MAX_CANDIDATES = 5000;

    private final MeetingRepository meetings;
    private final MeasureRepository measures;
    private final LedgerService ledger;
    private final ProblemService problems;
    private final RectificationService workflow;
    private final CurrentUser currentUser;

    public CarryOverService(MeetingRepository meetings, MeasureRepository measures, LedgerService ledger,
            ProblemService problems, RectificationService workflow, CurrentUser currentUser) {
        this.meetings = meetings;
        this.measures = measures;
        this.ledger = ledger;
        this.problems = problems;
        this.workflow = workflow;
        this.currentUser = currentUser;
    }

    /** The unfinished measures of {@code sourceMeetingId}, in the ledger's order: what could be carried over. */
    @Transactional(readOnly = true)
    public List<Measure> candidates(long sourceMeetingId) {
        requireOffice();
        return ledger.find(new LedgerFilter().setMeetingId(sourceMeetingId).setOpenOnly(true), null, 0,
                MAX_CANDIDATES, List.of());
    }

    /**
     * Carries the chosen measures of {@code sourceMeetingId} into {@code targetMeetingId}, all or none. Measures
     * with a deadline get {@code deadline} (not before the new meeting); long-term ones stay long-term.
     *
     * @return the new measures
     */
    public List<Measure> carryOver(long targetMeetingId, long sourceMeetingId, List<Long> measureIds,
            LocalDate deadline) {
        requireOffice();
        Meeting target = meetings.findById(targetMeetingId)
                .orElseThrow(() -> new InvalidActionException("meeting.notFound"));
        Meeting source = meetings.findById(sourceMeetingId)
                .orElseThrow(() -> new InvalidActionException("meeting.notFound"));
        if (!source.getOrganization().getId().equals(target.getOrganization().getId())
                || !source.getHeldOn().isBefore(target.getHeldOn()) && !(source.getHeldOn().equals(target.getHeldOn())
                && source.getId() < target.getId())) {
            throw new InvalidActionException("carryOver.notEarlier");
        }
        if (measureIds == null || measureIds.isEmpty()) {
            throw new InvalidActionException("carryOver.nothingChosen");
        }
        List<Measure> chosen = measures.findAllById(measureIds);
        if (chosen.size() != measureIds.stream().distinct().count()) {
            throw new InvalidActionException("workflow.notFound", measureIds);
        }
        boolean needsDeadline = chosen.stream().anyMatch(m -> m.getType() != MeasureType.LONG_TERM);
        if (needsDeadline && deadline == null) {
            throw new InvalidActionException("carryOver.deadlineRequired");
        }
        if (deadline != null && deadline.isBefore(target.getHeldOn())) {
            throw new InvalidActionException("measure.deadlineBeforeMeeting", target.getHeldOn());
        }
        return chosen.stream().map(m -> {
            if (!m.getProblem().getMeeting().getId().equals(source.getId())) {
                throw new InvalidActionException("carryOver.otherMeeting", m.getContent());
            }
            if (m.getStatus().isEnded()) {
                throw new InvalidActionException("carryOver.notOpen", m.getStatus());
            }
            Measure continuation = problems.createCarriedOver(target, m, deadline);
            workflow.markCarriedOver(m.getId(), m.getVersion(), continuation);
            return continuation;
        }).toList();
    }

    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }
}
