package org.rectify.meeting;

import java.time.LocalDate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.annotation.Isolation;
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

    @PersistenceContext
    private EntityManager em;

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

    /** A measure chosen for carry-over, with the version the office saw. */
    public record Choice(long measureId, int version) {
    }

    /**
     * Carries the chosen measures of {@code sourceMeetingId} into {@code targetMeetingId}, all or none, in the
     * source ledger's order. Measures with a deadline get {@code deadline} (not before the new meeting); long-term
     * ones stay long-term. The target meeting is locked first and committed data read after it, so two offices
     * carrying the same item at once do not both succeed: the second finds it already carried over.
     *
     * @return the new measures
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Measure> carryOver(long targetMeetingId, long sourceMeetingId, List<Choice> chosenItems,
            LocalDate deadline) {
        requireOffice();
        Meeting target = em.find(Meeting.class, targetMeetingId, LockModeType.PESSIMISTIC_WRITE);
        Meeting source = meetings.findById(sourceMeetingId)
                .orElseThrow(() -> new InvalidActionException("meeting.notFound"));
        if (target == null) {
            throw new InvalidActionException("meeting.notFound");
        }
        if (target.getStatus() == MeetingStatus.COMPLETED) {
            throw new InvalidActionException("meeting.completed");
        }
        boolean earlier = source.getHeldOn().isBefore(target.getHeldOn())
                || source.getHeldOn().equals(target.getHeldOn()) && source.getId() < target.getId();
        if (!source.getOrganization().getId().equals(target.getOrganization().getId()) || !earlier) {
            throw new InvalidActionException("carryOver.notEarlier");
        }
        if (chosenItems == null || chosenItems.isEmpty()) {
            throw new InvalidActionException("carryOver.nothingChosen");
        }
        Map<Long, Integer> versions = new HashMap<>();
        chosenItems.forEach(c -> versions.put(c.measureId(), c.version()));
        List<Measure> chosen = new ArrayList<>(measures.findAllById(versions.keySet()));
        if (chosen.size() != versions.size()) {
            throw new InvalidActionException("workflow.notFound", versions.keySet());
        }
        chosen.sort(Comparator.comparingInt((Measure m) -> m.getProblem().getSeqNo()).thenComparingInt(Measure::getSeqNo));
        boolean needsDeadline = chosen.stream().anyMatch(m -> m.getType() != MeasureType.LONG_TERM);
        if (needsDeadline && deadline == null) {
            throw new InvalidActionException("carryOver.deadlineRequired");
        }
        if (deadline != null && deadline.isBefore(target.getHeldOn())) {
            throw new InvalidActionException("measure.deadlineBeforeMeeting", target.getHeldOn());
        }
        List<Measure> continued = new ArrayList<>();
        for (Measure m : chosen) {
            if (!m.getProblem().getMeeting().getId().equals(source.getId())) {
                throw new InvalidActionException("carryOver.otherMeeting", m.getContent());
            }
            if (m.getStatus().isEnded()) {
                throw new InvalidActionException("carryOver.notOpen", m.getStatus());
            }
            // The new item is a live one: its owners must still be able to carry it.
            if (!m.getLeader().isActive() || !m.getLeader().isCommitteeMember()) {
                throw new InvalidActionException("carryOver.leaderGone", m.getLeader().getName());
            }
            if (!m.getUnit().isActive()) {
                throw new InvalidActionException("measure.unitDisabled", m.getUnit().getName());
            }
            Measure continuation = problems.createCarriedOver(target, m, deadline);
            workflow.markCarriedOver(m.getId(), versions.get(m.getId()), continuation);
            continued.add(continuation);
        }
        return continued;
    }

    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }
}
