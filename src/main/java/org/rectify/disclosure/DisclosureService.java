package org.rectify.disclosure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectify.base.InvalidActionException;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.StaleDataException;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.base.Violation;
import org.rectify.base.domain.Labelled;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改公示. The office chooses which items the members see and in what words; every logged-in user, members
 * included, reads the disclosed items — and only their public fields, which is all this service ever hands out:
 * never evidence, urgings, notes, internal texts, or names the office did not allow.
 */
@Service
@Transactional
public class DisclosureService {

    static final int MAX_TEXT = 2000;

    private final DisclosureRepository disclosures;
    private final CurrentUser currentUser;
    private final Today today;

    @PersistenceContext
    private EntityManager em;

    public DisclosureService(DisclosureRepository disclosures, CurrentUser currentUser, Today today) {
        this.disclosures = disclosures;
        this.currentUser = currentUser;
        this.today = today;
    }

    /**
     * What may be disclosed: a closed item, or a long-term item under way (long-term items are never closed; they
     * are shown as continuing). Not an item not started, carried over, or still being worked on to a deadline.
     */
    public static boolean eligible(MeasureType type, MeasureStatus status) {
        return status == MeasureStatus.CLOSED || type == MeasureType.LONG_TERM && status != MeasureStatus.NOT_STARTED
                && status != MeasureStatus.CARRIED_OVER;
    }

    /** How a disclosed item stands, in the words of the notice board. */
    public enum PublicState implements Labelled {
        DONE, ONGOING;

        @Override
        public String messagePrefix() {
            return "disclosure.state";
        }
    }

    // --- the office ---

    /** An item of a meeting that may be disclosed, with its disclosure if it has one. */
    public record Candidate(Measure measure, DisclosureItem disclosure) {
        public boolean disclosed() {
            return disclosure != null;
        }
    }

    /** The meeting's disclosable items in ledger order, with their disclosures. Office only. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long meetingId) {
        requireOffice();
        List<Tuple> rows = em.createQuery("""
                        select m as m, d as d from Measure m join fetch m.problem p join fetch p.category
                          join fetch m.leader join fetch m.unit left join fetch p.member
                          left join DisclosureItem d on d.measure = m
                        where p.meeting.id = :meeting
                          and (m.status = :closed or (m.type = :longTerm and m.status not in (:notStarted, :carried)))
                        order by p.seqNo, m.seqNo""", Tuple.class)
                .setParameter("meeting", meetingId)
                .setParameter("closed", MeasureStatus.CLOSED)
                .setParameter("longTerm", MeasureType.LONG_TERM)
                .setParameter("notStarted", MeasureStatus.NOT_STARTED)
                .setParameter("carried", MeasureStatus.CARRIED_OVER)
                .getResultList();
        return rows.stream().map(t -> new Candidate(t.get("m", Measure.class), t.get("d", DisclosureItem.class)))
                .toList();
    }

    /** The office's wording of an item: what is disclosed, or a start from the ledger's text. */
    public record Draft(String publicProblem, String publicMeasure, boolean showNames) {
    }

    /**
     * The wording to start from: the item's disclosure if it has one; else the ledger's texts, with the problem as
     * already worded for another disclosed item of the same problem (one problem reads the same on the board).
     */
    @Transactional(readOnly = true)
    public Draft suggest(long measureId) {
        requireOffice();
        Measure m = measure(measureId);
        return disclosures.findByMeasureId(measureId)
                .map(d -> new Draft(d.getPublicProblem(), d.getPublicMeasure(), d.isShowNames()))
                .orElseGet(() -> {
                    String problem = disclosures.findByMeasureProblemId(m.getProblem().getId()).stream()
                            .map(DisclosureItem::getPublicProblem).findFirst()
                            .orElse(m.getProblem().getDescription());
                    return new Draft(problem, m.getContent(), false);
                });
    }

    public List<Violation> validate(Draft d) {
        List<Violation> v = new ArrayList<>();
        Texts.check(v, "publicProblem", -1, d.publicProblem(), true, MAX_TEXT);
        Texts.check(v, "publicMeasure", -1, d.publicMeasure(), true, MAX_TEXT);
        return v;
    }

    /**
     * Discloses an item in these words, or changes the words of a disclosed one.
     *
     * @param version the disclosure's version as the office saw it; null when it was not disclosed
     */
    public DisclosureItem publish(long measureId, Integer version, Draft d) {
        Actor actor = requireOffice();
        Measure m = measure(measureId);
        if (!eligible(m.getType(), m.getStatus())) {
            throw new InvalidActionException("disclosure.notEligible");
        }
        List<Violation> violations = validate(d);
        if (!violations.isEmpty()) {
            throw new InvalidDraftException(violations);
        }
        DisclosureItem item = disclosures.findByMeasureId(measureId).orElse(null);
        if (item == null ? version != null : version == null || item.getVersion() != version) {
            throw new StaleDataException();
        }
        if (item == null) {
            item = new DisclosureItem(m);
        }
        item.word(Texts.strip(d.publicProblem()), Texts.strip(d.publicMeasure()), d.showNames(), actor.username(),
                today.now());
        return disclosures.saveAndFlush(item);
    }

    /** Discloses several items in the ledger's own words (those already disclosed stay as they are). */
    public int publishAsWritten(List<Long> measureIds) {
        requireOffice();
        int n = 0;
        for (long id : measureIds) {
            if (disclosures.findByMeasureId(id).isEmpty()) {
                publish(id, null, suggest(id));
                n++;
            }
        }
        return n;
    }

    /** Takes an item off the board. */
    public void withdraw(long measureId, int version) {
        requireOffice();
        DisclosureItem item = disclosures.findByMeasureId(measureId).orElseThrow(StaleDataException::new);
        if (item.getVersion() != version) {
            throw new StaleDataException();
        }
        disclosures.delete(item);
    }

    // --- everyone ---

    /** One disclosed item as the board shows it. The names are there only when the office allowed them. */
    public record PublicItem(long problemId, String problem, String member, String measure, String leader,
                             LocalDate completedOn, PublicState state) {
    }

    public record PublicMeeting(long meetingId, String title, String organization, LocalDate heldOn,
                                List<PublicItem> items) {
        public long done() {
            return items.stream().filter(i -> i.state() == PublicState.DONE).count();
        }
    }

    /**
     * The board: disclosed items per meeting, the latest meeting first, in ledger order. Reads only the public
     * columns (and a name only where allowed), in one statement. Every logged-in user.
     */
    @Transactional(readOnly = true)
    public List<PublicMeeting> board(Long meetingId) {
        currentUser.require();
        List<Tuple> rows = em.createQuery("""
                        select mt.id as meetingId, mt.title as title, o.name as organization, mt.heldOn as heldOn,
                          p.id as problemId,
                          d.publicProblem as problem, d.publicMeasure as measure, d.showNames as names,
                          p.scope as scope, mem.name as member, l.name as leader, m.type as type,
                          m.status as status, m.completedOn as completedOn
                        from DisclosureItem d join d.measure m join m.problem p join p.meeting mt join mt.organization o join m.leader l
                          left join p.member mem
                        where (:meeting is null or mt.id = :meeting)
                        order by mt.heldOn desc, mt.id desc, p.seqNo, m.seqNo""", Tuple.class)
                .setParameter("meeting", meetingId)
                .getResultList();
        Map<Long, PublicMeeting> meetings = new LinkedHashMap<>();
        for (Tuple t : rows) {
            boolean names = t.get("names", Boolean.class);
            MeasureStatus status = t.get("status", MeasureStatus.class);
            PublicState state = status == MeasureStatus.CLOSED ? PublicState.DONE : PublicState.ONGOING;
            PublicItem item = new PublicItem(t.get("problemId", Long.class), t.get("problem", String.class),
                    names && t.get("scope", ProblemScope.class) == ProblemScope.INDIVIDUAL
                            ? t.get("member", String.class) : null,
                    t.get("measure", String.class), names ? t.get("leader", String.class) : null,
                    state == PublicState.DONE ? t.get("completedOn", LocalDate.class) : null, state);
            meetings.computeIfAbsent(t.get("meetingId", Long.class), id -> new PublicMeeting(id,
                    t.get("title", String.class), t.get("organization", String.class),
                    t.get("heldOn", LocalDate.class), new ArrayList<>()))
                    .items().add(item);
        }
        return List.copyOf(meetings.values());
    }

    private Measure measure(long id) {
        Measure m = em.find(Measure.class, id);
        if (m == null) {
            throw new InvalidActionException("workflow.notFound", id);
        }
        return m;
    }

    private Actor requireOffice() {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
        return actor;
    }
}
