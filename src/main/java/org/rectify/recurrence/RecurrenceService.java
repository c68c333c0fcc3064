package org.rectify.recurrence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.StaleDataException;
import org.rectify.base.Today;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ProblemService.ProblemsCreated;
import org.rectify.meeting.Meeting;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 疑似反复出现: when problems are entered or imported, earlier meetings of the same organization are searched for
 * problems worded alike; the office confirms (整改后反弹回潮, counted on the dashboard) or dismisses each.
 */
@Service
@Transactional
public class RecurrenceService {

    /** Dice similarity of the character bigrams from which a pair is suggested. */
    static final double THRESHOLD = 0.5;
    /** Suggestions kept per problem, the most similar first. */
    static final int MAX_PER_PROBLEM = 3;

    private static final Logger log = LoggerFactory.getLogger(RecurrenceService.class);

    private final ProblemRecurrenceRepository recurrences;
    private final CurrentUser currentUser;
    private final Today today;

    @PersistenceContext
    private EntityManager em;

    public RecurrenceService(ProblemRecurrenceRepository recurrences, CurrentUser currentUser, Today today) {
        this.recurrences = recurrences;
        this.currentUser = currentUser;
        this.today = today;
    }

    /**
     * Looks for earlier look-alikes once the new problems are committed, in a transaction of its own: a failure
     * here never undoes the office's entry or import.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onProblemsCreated(ProblemsCreated event) {
        try {
            detect(event.meetingId(), event.problemIds());
        } catch (RuntimeException e) {
            log.warn("Looking for recurring problems of meeting {} failed", event.meetingId(), e);
        }
    }

    /** Records the suggestions for these problems of one meeting; returns how many. */
    int detect(long meetingId, List<Long> problemIds) {
        if (problemIds.isEmpty()) {
            return 0;
        }
        Meeting meeting = em.find(Meeting.class, meetingId);
        List<Object[]> earlier = em.createQuery("""
                        select p.id, p.description from Problem p
                        where p.meeting.organization.id = :org and p.meeting.heldOn < :held""", Object[].class)
                .setParameter("org", meeting.getOrganization().getId())
                .setParameter("held", meeting.getHeldOn())
                .getResultList();
        if (earlier.isEmpty()) {
            return 0;
        }
        Index index = new Index(earlier);
        int recorded = 0;
        for (int from = 0; from < problemIds.size(); from += 500) {
            List<Long> chunk = problemIds.subList(from, Math.min(problemIds.size(), from + 500));
            List<Object[]> fresh = em.createQuery("""
                            select p.id, p.description, o.id from Problem p
                            left join p.carriedFrom c left join c.problem o where p.id in :ids""", Object[].class)
                    .setParameter("ids", chunk).getResultList();
            for (Object[] row : fresh) {
                Long original = (Long) row[2];
                for (Match m : index.matches((String) row[1], original)) {
                    em.persist(new ProblemRecurrence(em.getReference(Problem.class, row[0]),
                            em.getReference(Problem.class, m.problemId()), m.percent()));
                    recorded++;
                }
            }
            em.flush();
            em.clear();
        }
        return recorded;
    }

    record Match(long problemId, int percent) {
    }

    /**
     * Earlier problems' bigrams with an inverted index, so that each new problem is compared only with those that
     * share rare bigrams with it (bigrams in more than a tenth of all problems say little and are skipped).
     */
    static final class Index {
        private final long[] ids;
        private final List<Set<String>> grams = new ArrayList<>();
        private final Map<String, List<Integer>> postings = new HashMap<>();
        private final int maxPosting;
        private final int[] shared;

        Index(List<Object[]> rows) {
            ids = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                ids[i] = (Long) rows.get(i)[0];
                Set<String> g = TextSimilarity.bigrams((String) rows.get(i)[1]);
                grams.add(g);
                for (String gram : g) {
                    postings.computeIfAbsent(gram, k -> new ArrayList<>()).add(i);
                }
            }
            maxPosting = Math.max(50, rows.size() / 10);
            shared = new int[rows.size()];
        }

        List<Match> matches(String description, Long excludeProblemId) {
            Set<String> g = TextSimilarity.bigrams(description);
            List<Integer> touched = new ArrayList<>();
            for (String gram : g) {
                List<Integer> list = postings.get(gram);
                if (list == null || list.size() > maxPosting) {
                    continue;
                }
                for (int i : list) {
                    if (shared[i]++ == 0) {
                        touched.add(i);
                    }
                }
            }
            List<Match> out = new ArrayList<>();
            for (int i : touched) {
                shared[i] = 0;
                if (excludeProblemId != null && ids[i] == excludeProblemId) {
                    continue;
                }
                double d = TextSimilarity.dice(g, grams.get(i));
                if (d >= THRESHOLD) {
                    out.add(new Match(ids[i], (int) Math.round(d * 100)));
                }
            }
            out.sort(Comparator.comparingInt(Match::percent).reversed().thenComparingLong(Match::problemId));
            return out.size() > MAX_PER_PROBLEM ? out.subList(0, MAX_PER_PROBLEM) : out;
        }
    }

    /** One side of a suggestion: a problem, its meeting, and a ledger item to open it by. */
    public record Side(long problemId, int seqNo, String meeting, String description, long firstMeasureId) {
    }

    /** A suggestion as shown: the later problem, the earlier one, how alike, and the office's decision. */
    public record Suggestion(long id, int version, Side problem, Side earlier, int similarity,
                             RecurrenceStatus status, String decidedBy) {
    }

    /** The suggestions about a problem, both ways; for those who may see the ledger beyond one unit. */
    @Transactional(readOnly = true)
    public List<Suggestion> about(long problemId) {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.LEADER)) {
            return List.of();
        }
        return suggestions(recurrences.findAbout(problemId));
    }

    /** The suggestions about the problems of one meeting, undecided first. */
    @Transactional(readOnly = true)
    public List<Suggestion> forMeeting(long meetingId) {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.LEADER)) {
            return List.of();
        }
        return suggestions(recurrences.findForMeeting(meetingId)).stream()
                .sorted(Comparator.comparing((Suggestion s) -> s.status() != RecurrenceStatus.SUSPECTED)
                        .thenComparing(s -> s.problem().seqNo()))
                .toList();
    }

    private List<Suggestion> suggestions(List<ProblemRecurrence> rows) {
        List<Long> problemIds = new ArrayList<>();
        rows.forEach(r -> {
            problemIds.add(r.getProblem().getId());
            problemIds.add(r.getEarlierProblem().getId());
        });
        Map<Long, Long> firstMeasure = new HashMap<>();
        if (!problemIds.isEmpty()) {
            em.createQuery("select m.problem.id, min(m.id) from Measure m where m.problem.id in :ids"
                            + " group by m.problem.id", Object[].class)
                    .setParameter("ids", problemIds).getResultList()
                    .forEach(r -> firstMeasure.put((Long) r[0], (Long) r[1]));
        }
        return rows.stream().map(r -> new Suggestion(r.getId(), r.getVersion(),
                side(r.getProblem(), firstMeasure), side(r.getEarlierProblem(), firstMeasure), r.getSimilarity(),
                r.getStatus(), r.getDecidedBy())).toList();
    }

    private static Side side(Problem p, Map<Long, Long> firstMeasure) {
        return new Side(p.getId(), p.getSeqNo(), p.getMeeting().getTitle(), p.getDescription(),
                firstMeasure.getOrDefault(p.getId(), 0L));
    }

    public void confirm(long id, int version) {
        decide(id, version, RecurrenceStatus.CONFIRMED);
    }

    public void dismiss(long id, int version) {
        decide(id, version, RecurrenceStatus.DISMISSED);
    }

    private void decide(long id, int version, RecurrenceStatus status) {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
        ProblemRecurrence r = recurrences.findById(id)
                .orElseThrow(() -> new InvalidActionException("recurrence.notFound"));
        if (r.getVersion() != version) {
            throw new StaleDataException();
        }
        r.decide(status, actor.displayName(), today.now());
    }

    /** Problems of the meeting (or of all meetings) confirmed as recurring: 整改后反弹回潮. */
    @Transactional(readOnly = true)
    public long confirmedCount(Long meetingId) {
        return em.createQuery("""
                        select count(distinct r.problem.id) from ProblemRecurrence r
                        where r.status = :confirmed and (:meeting is null or r.problem.meeting.id = :meeting)""",
                        Long.class)
                .setParameter("confirmed", RecurrenceStatus.CONFIRMED)
                .setParameter("meeting", meetingId)
                .getSingleResult();
    }

    /** Suggestions still waiting for the office's decision, for the meeting (or all). */
    @Transactional(readOnly = true)
    public long suspectedCount(Long meetingId) {
        return em.createQuery("""
                        select count(r) from ProblemRecurrence r
                        where r.status = :suspected and (:meeting is null or r.problem.meeting.id = :meeting)""",
                        Long.class)
                .setParameter("suspected", RecurrenceStatus.SUSPECTED)
                .setParameter("meeting", meetingId)
                .getSingleResult();
    }
}
