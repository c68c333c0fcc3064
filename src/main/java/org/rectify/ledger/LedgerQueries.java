package org.rectify.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaDerivedRoot;
import org.hibernate.query.criteria.JpaRoot;
import org.hibernate.query.criteria.JpaSubQuery;
import org.rectify.meeting.Meeting;
import org.rectify.org.Person;
import org.rectify.org.Unit;
import org.springframework.stereotype.Repository;

/**
 * The ledger's SQL: one predicate builder shared by the page query, the count and the per-group totals, so a
 * filter means the same thing everywhere it is used. Paging happens in the database; nothing loads every row.
 */
@Repository
class LedgerQueries {

    /** Everything a query needs besides the filter itself, resolved by {@link LedgerService}. */
    /**
     * @param scopePath the actor's scope: only units under this path, or {@code null} for all
     * @param unitPath  the unit filter's path (that unit and its sub-units), or {@code null}
     */
    record Query(LedgerFilter filter, String scopePath, String unitPath, LedgerGrouping groupBy, Long groupKey,
                 LocalDate today, int stalePeriodDays) {
    }

    /** Per-group totals, before labels are attached. */
    record GroupCount(long key, long total, long closed, long overdue, long carried) {
    }

    @PersistenceContext
    private EntityManager em;

    /**
     * One page of rows in two steps: the ids in the ledger's order (a narrow sort over the joined keys only), then
     * the rows of those ids with everything the grid shows, in one query each.
     */
    List<Measure> page(Query q, int offset, int limit, List<LedgerSort> sorts, long total) {
        return byIds(ids(q, offset, limit, sorts, total));
    }

    /**
     * The matching ids in the ledger's order, from {@code offset}; all of them when {@code limit} is negative. With
     * the number of matching rows known ({@code total} ≥ 0), a page in the second half is read from the end in the
     * reverse order, so that the database skips the fewer rows (the last page skips none).
     */
    List<Long> ids(Query q, int offset, int limit, List<LedgerSort> sorts, long total) {
        boolean reverse = limit >= 0 && total >= 0 && offset > total / 2;
        int from = reverse ? (int) Math.max(0, total - offset - limit) : offset;
        int size = reverse ? (int) Math.min(limit, total - offset) : limit;
        if (reverse && size <= 0) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<Measure> m = cq.from(Measure.class);
        Joins j = Joins.plain(m);
        cq.select(m.get("id")).where(predicates(cb, m, j, q)).orderBy(orders(cb, m, j, sorts, reverse));
        TypedQuery<Long> query = em.createQuery(cq).setFirstResult(from);
        if (size >= 0) {
            query.setMaxResults(size);
        }
        List<Long> ids = query.getResultList();
        if (reverse) {
            ids = new ArrayList<>(ids);
            java.util.Collections.reverse(ids);
        }
        return ids;
    }

    /** The rows of these ids with their problem, meeting, category, unit and people, in the given order. */
    List<Measure> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Measure> byId = new HashMap<>();
        em.createQuery("""
                        select m from Measure m join fetch m.problem p join fetch p.meeting join fetch p.category
                        left join fetch p.member join fetch m.unit join fetch m.leader left join fetch m.contact
                        where m.id in :ids""",
                        Measure.class)
                .setParameter("ids", ids).getResultList().forEach(x -> byId.put(x.getId(), x));
        List<Measure> ordered = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Measure x = byId.get(id);
            if (x != null) {
                ordered.add(x);
            }
        }
        return ordered;
    }

    long count(Query q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<Measure> m = cq.from(Measure.class);
        cq.select(cb.count(m)).where(predicates(cb, m, Joins.plain(m), q));
        return em.createQuery(cq).getSingleResult();
    }

    /** Totals over everything the filter matches. */
    record Totals(long total, long closed, long open, long overdue, long dueSoon, long stale, long atRisk,
                  long carried) {
    }

    Totals totals(Query q, int dueSoonDays) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        cq.multiselect(totalsSelection(cb, m, q, dueSoonDays)).where(predicates(cb, m, Joins.plain(m), q));
        return totalsOf(em.createQuery(cq).getSingleResult(), 0);
    }

    /** {@link #totals} per rectification type, in one grouped statement: the dashboard shows both. */
    Map<MeasureType, Totals> totalsByType(Query q, int dueSoonDays) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        Path<MeasureType> type = m.get("type");
        List<jakarta.persistence.criteria.Selection<?>> select = new ArrayList<>(List.of(type));
        select.addAll(totalsSelection(cb, m, q, dueSoonDays));
        cq.multiselect(select).where(predicates(cb, m, Joins.plain(m), q)).groupBy(type);
        Map<MeasureType, Totals> byType = new java.util.EnumMap<>(MeasureType.class);
        em.createQuery(cq).getResultList().forEach(t -> byType.put(t.get(0, MeasureType.class), totalsOf(t, 1)));
        return byType;
    }

    private List<jakarta.persistence.criteria.Selection<?>> totalsSelection(CriteriaBuilder cb, Root<Measure> m,
            Query q, int dueSoonDays) {
        Path<LocalDate> heldOn = m.get("meetingHeldOn");
        return List.of(cb.count(m), countIf(cb, MeasureRules.closed(cb, m)), countIf(cb, MeasureRules.open(cb, m)),
                countIf(cb, MeasureRules.overdue(cb, m, q.today())),
                countIf(cb, MeasureRules.dueWithin(cb, m, q.today(), dueSoonDays)),
                countIf(cb, MeasureRules.stale(cb, m, heldOn, q.today(), q.stalePeriodDays())),
                countIf(cb, MeasureRules.atRisk(cb, m, heldOn, q.today())),
                countIf(cb, MeasureRules.carriedOver(cb, m)));
    }

    private static Totals totalsOf(Tuple t, int from) {
        return new Totals(toLong(t.get(from)), toLong(t.get(from + 1)), toLong(t.get(from + 2)),
                toLong(t.get(from + 3)), toLong(t.get(from + 4)), toLong(t.get(from + 5)), toLong(t.get(from + 6)),
                toLong(t.get(from + 7)));
    }

    /** Per rectification type: all, closed and carried over. */
    record TypeCount(MeasureType type, long total, long closed, long carried) {
    }

    List<TypeCount> countByType(Query q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        Path<MeasureType> type = m.get("type");
        cq.multiselect(type, cb.count(m), countIf(cb, MeasureRules.closed(cb, m)),
                        countIf(cb, MeasureRules.carriedOver(cb, m)))
                .where(predicates(cb, m, Joins.plain(m), q)).groupBy(type);
        return em.createQuery(cq).getResultList().stream()
                .map(t -> new TypeCount(t.get(0, MeasureType.class), t.get(1, Long.class), toLong(t.get(2)),
                        toLong(t.get(3))))
                .toList();
    }

    /** Matching measures per status. */
    List<Object[]> countByStatus(Query q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<Measure> m = cq.from(Measure.class);
        Path<MeasureStatus> status = m.get("status");
        cq.multiselect(status, cb.count(m)).where(predicates(cb, m, Joins.plain(m), q)).groupBy(status);
        return em.createQuery(cq).getResultList();
    }

    /**
     * Problems with at least one matching measure, per scope (班子 / 个人): how many, and how many of them still
     * have a matching measure that is not closed — both as COUNT(DISTINCT …), one row per scope.
     */
    List<Object[]> problemsByScope(Query q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<Measure> m = cq.from(Measure.class);
        Joins j = Joins.plain(m);
        Path<ProblemScope> scope = j.problem().get("scope");
        Path<Long> problemId = j.problem().get("id");
        Expression<Long> unfinished = cb.<Long>selectCase()
                .when(cb.not(MeasureRules.closed(cb, m)), problemId).otherwise(cb.nullLiteral(Long.class));
        cq.multiselect(scope, cb.countDistinct(problemId), cb.countDistinct(unfinished))
                .where(predicates(cb, m, j, q)).groupBy(scope);
        return em.createQuery(cq).getResultList();
    }

    /**
     * Problems by the type of their matching measures (the longest: 长期 over 阶段性 over 即知即改) and whether any
     * of those is still not closed: rank (1, 2, 3), open (0, 1), count. Two levels of GROUP BY in one statement: per
     * problem in a derived table, then per type and state.
     */
    List<Object[]> problemsByType(Query q) {
        HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) em.getCriteriaBuilder();
        JpaCriteriaQuery<Tuple> outer = cb.createTupleQuery();
        JpaSubQuery<Tuple> perProblem = outer.subquery(Tuple.class);
        JpaRoot<Measure> m = perProblem.from(Measure.class);
        Joins j = Joins.plain(m);
        Expression<Integer> rank = cb.max(cb.<Integer>selectCase()
                .when(cb.equal(m.get("type"), MeasureType.LONG_TERM), 3)
                .when(cb.equal(m.get("type"), MeasureType.PHASED), 2).otherwise(1));
        Expression<Long> open = cb.sum(cb.<Long>selectCase().when(MeasureRules.closed(cb, m), 0L).otherwise(1L));
        perProblem.multiselect(j.problem().get("id").alias("problem"), rank.alias("rnk"), open.alias("open"))
                .where(predicates(cb, m, j, q)).groupBy(j.problem().get("id"));
        JpaDerivedRoot<Tuple> t = outer.from(perProblem);
        Expression<Integer> r = t.get("rnk");
        Expression<Integer> stillOpen = cb.<Integer>selectCase().when(cb.gt(t.<Long>get("open"), 0L), 1).otherwise(0);
        outer.multiselect(r, stillOpen, cb.count(cb.literal(1))).groupBy(r, stillOpen);
        return em.createQuery(outer).getResultList().stream()
                .map(tuple -> new Object[] {tuple.get(0), tuple.get(1), tuple.get(2)}).toList();
    }

    /** Matching measures per responsible leader (person id → count). */
    Map<Long, Long> countPerLeader(Query q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, m, Joins.plain(m), q)));
        Expression<Long> key = m.get("leader").get("id");
        cq.multiselect(key, cb.count(m)).where(where.toArray(Predicate[]::new)).groupBy(key);
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery(cq).getResultList().forEach(t -> counts.put(t.get(0, Long.class), t.get(1, Long.class)));
        return counts;
    }

    /** How many matching measures fall on each day of a date column (deadline, completion day). */
    List<DayCount> countByDay(Query q, String dateField) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        Path<LocalDate> day = m.get(dateField);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, m, Joins.plain(m), q)));
        where.add(cb.isNotNull(day));
        cq.multiselect(day, cb.count(m)).where(where.toArray(Predicate[]::new)).groupBy(day).orderBy(cb.asc(day));
        return em.createQuery(cq).getResultList().stream()
                .map(t -> new DayCount(t.get(0, LocalDate.class), t.get(1, Long.class))).toList();
    }

    record DayCount(LocalDate day, long count) {
    }

    /** The distinct people in a person column ("leader", "contact") of the matching measures. */
    List<Person> distinctPeople(Query q, String personField) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Person> cq = cb.createQuery(Person.class);
        Root<Measure> m = cq.from(Measure.class);
        Join<Measure, Person> person = m.join(personField);
        cq.select(person).distinct(true).where(predicates(cb, m, Joins.plain(m), q));
        return em.createQuery(cq).getResultList();
    }

    List<GroupCount> countByGroup(Query q, LedgerGrouping grouping) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        Joins j = Joins.plain(m);
        Expression<Long> key = groupKey(m, j, grouping);
        cq.multiselect(key, cb.count(m), countIf(cb, MeasureRules.closed(cb, m)),
                        countIf(cb, MeasureRules.overdue(cb, m, q.today())),
                        countIf(cb, MeasureRules.carriedOver(cb, m)))
                .where(predicates(cb, m, j, q))
                .groupBy(key);
        return em.createQuery(cq).getResultList().stream()
                .map(t -> new GroupCount(t.get(0, Long.class), t.get(1, Long.class), toLong(t.get(2)),
                        toLong(t.get(3)), toLong(t.get(4))))
                .toList();
    }

    /**
     * Items per group and nothing else (key to count): a chart of sizes need not read each item's status and
     * deadline, and without them a narrower index serves the count.
     */
    Map<Long, Long> totalByGroup(Query q, LedgerGrouping grouping) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        Joins j = Joins.plain(m);
        Expression<Long> key = groupKey(m, j, grouping);
        cq.multiselect(key, cb.count(m)).where(predicates(cb, m, j, q)).groupBy(key);
        Map<Long, Long> totals = new HashMap<>();
        for (Tuple t : em.createQuery(cq).getResultList()) {
            totals.put(t.get(0, Long.class), t.get(1, Long.class));
        }
        return totals;
    }

    /**
     * Every open item that is overdue, due within {@code window} days or stale, with what a reminder says about it
     * and who gets it (leader, contact): the daily digest's one read for all recipients, in the ledger's order.
     */
    List<Tuple> reminderRows(Query q, int window) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<Measure> m = cq.from(Measure.class);
        Joins j = Joins.plain(m);
        Join<Measure, Person> contact = m.join("contact", JoinType.LEFT);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, m, j, q)));
        where.add(cb.or(MeasureRules.overdue(cb, m, q.today()),
                MeasureRules.dueWithin(cb, m, q.today(), window),
                MeasureRules.stale(cb, m, m.get("meetingHeldOn"), q.today(), q.stalePeriodDays())));
        cq.multiselect(m.get("id"), m.get("content"), j.problem().get("description"), j.unit().get("name"),
                        m.get("deadline"), m.get("type"), m.get("status"), m.get("lastProgressOn"),
                        m.get("meetingHeldOn"), j.leader().get("id"), j.leader().get("name"),
                        j.leader().get("email"), contact.get("id"), contact.get("name"), contact.get("email"),
                        m.get("createdOn"))
                .where(where.toArray(Predicate[]::new))
                .orderBy(orders(cb, m, j, List.of(new LedgerSort(LedgerSort.Field.DEADLINE, true)), false));
        return em.createQuery(cq).getResultList();
    }

    private static long toLong(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Expression<Long> countIf(CriteriaBuilder cb, Predicate p) {
        return cb.sum(cb.<Long>selectCase().when(p, 1L).otherwise(0L));
    }

    private static Expression<Long> groupKey(Root<Measure> m, Joins j, LedgerGrouping grouping) {
        return switch (grouping) {
            case UNIT -> m.get("unit").get("id");
            case CATEGORY -> j.problem().get("category").get("id");
            case MEETING -> m.get("meetingId");
            case NONE -> throw new IllegalArgumentException("no group key without grouping");
        };
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Measure> m, Joins j, Query q) {
        LedgerFilter f = q.filter();
        List<Predicate> ps = new ArrayList<>();
        if (f.getMeetingId() != null) {
            ps.add(cb.equal(m.get("meetingId"), f.getMeetingId()));
        }
        if (f.getYear() != null) {
            ps.add(cb.equal(j.meeting().get("year"), f.getYear()));
        }
        if (q.scopePath() != null) {
            ps.add(cb.like(j.unit().get("path"), q.scopePath() + "%"));
        }
        if (q.unitPath() != null && f.isUnitOnly()) {
            ps.add(cb.equal(m.get("unit").get("id"), f.getUnitId()));
        } else if (q.unitPath() != null) {
            ps.add(cb.like(j.unit().get("path"), q.unitPath() + "%"));
        }
        if (f.getCategoryId() != null) {
            ps.add(cb.equal(j.problem().get("category").get("id"), f.getCategoryId()));
        }
        if (f.getSource() != null) {
            ps.add(cb.equal(j.problem().get("source"), f.getSource()));
        }
        if (f.getType() != null) {
            ps.add(cb.equal(m.get("type"), f.getType()));
        }
        if (f.getStatus() != null) {
            ps.add(cb.equal(m.get("status"), f.getStatus()));
        }
        if (f.getLeaderId() != null) {
            ps.add(cb.equal(m.get("leader").get("id"), f.getLeaderId()));
        }
        if (f.getContactId() != null) {
            ps.add(cb.equal(m.get("contact").get("id"), f.getContactId()));
        }
        if (f.getDeadlineFrom() != null) {
            ps.add(cb.greaterThanOrEqualTo(m.get("deadline"), f.getDeadlineFrom()));
        }
        if (f.getDeadlineTo() != null) {
            ps.add(cb.lessThanOrEqualTo(m.get("deadline"), f.getDeadlineTo()));
        }
        if (f.isOverdueOnly()) {
            ps.add(MeasureRules.overdue(cb, m, q.today()));
        }
        if (f.getDueWithinDays() != null) {
            ps.add(MeasureRules.dueWithin(cb, m, q.today(), f.getDueWithinDays()));
        }
        if (f.isStaleOnly()) {
            ps.add(MeasureRules.stale(cb, m, m.get("meetingHeldOn"), q.today(), q.stalePeriodDays()));
        }
        if (f.isOpenOnly()) {
            ps.add(MeasureRules.open(cb, m));
        }
        if (f.isOnTrackOnly()) {
            ps.add(MeasureRules.onTrack(cb, m, q.today()));
        }
        if (f.isAtRiskOnly()) {
            ps.add(MeasureRules.atRisk(cb, m, m.get("meetingHeldOn"), q.today()));
        }
        if (f.getText() != null) {
            String pattern = "%" + escapeLike(f.getText().toLowerCase(Locale.ROOT)) + "%";
            ps.add(cb.or(
                    cb.like(cb.lower(j.problem().get("description")), pattern, '!'),
                    cb.like(cb.lower(m.get("content")), pattern, '!')));
        }
        if (q.groupBy() != null && q.groupBy() != LedgerGrouping.NONE && q.groupKey() != null) {
            ps.add(cb.equal(groupKey(m, j, q.groupBy()), q.groupKey()));
        }
        return ps.toArray(Predicate[]::new);
    }

    /** '!' as the escape character: a backslash would itself need escaping in MySQL string literals. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * @param reverse the exact reverse of the order, for reading a deep page from the end (nulls, last in the
     *                ledger's order, come first)
     */
    private static List<Order> orders(CriteriaBuilder cb, Root<Measure> m, Joins j, List<LedgerSort> sorts,
            boolean reverse) {
        HibernateCriteriaBuilder hcb = (HibernateCriteriaBuilder) cb;
        List<Order> orders = new ArrayList<>();
        for (LedgerSort s : sorts) {
            Expression<?> e = switch (s.field()) {
                case DEADLINE -> m.get("deadline");
                case UNIT -> j.unit().get("sortOrder");
                case LEADER -> j.leader().get("name");
                case STATUS -> m.get("status");
                case PROGRESS -> m.get("progress");
                case CATEGORY -> j.problem().get("category").get("sortOrder");
            };
            // Items without a deadline (long-term) go last either way, on H2 and MySQL alike.
            boolean ascending = s.ascending() != reverse;
            orders.add(ascending ? hcb.asc(e, reverse) : hcb.desc(e, reverse));
        }
        // The paper ledger's order, then the id so that paging is stable.
        // The paper ledger's order (newest meeting first, then problem and measure number), then the id so that
        // paging is stable; all columns of measure, served by its ledger-order indexes (V7).
        orders.add(reverse ? cb.asc(m.get("meetingHeldOn")) : cb.desc(m.get("meetingHeldOn")));
        orders.add(reverse ? cb.asc(m.get("meetingId")) : cb.desc(m.get("meetingId")));
        for (String key : List.of("problemSeq", "seqNo", "id")) {
            orders.add(reverse ? cb.desc(m.get(key)) : cb.asc(m.get(key)));
        }
        return orders;
    }

    /**
     * The joins the predicates and the order use, made only when one of them needs it: the ledger's order and most
     * filters read columns of measure alone (V7), so the usual page query touches one table and one index.
     */
    private static final class Joins {
        private final Root<Measure> m;
        private Join<Measure, Problem> problem;
        private Join<Problem, Meeting> meeting;
        private Join<Measure, Unit> unit;
        private Join<Measure, Person> leader;

        private Joins(Root<Measure> m) {
            this.m = m;
        }

        static Joins plain(Root<Measure> m) {
            return new Joins(m);
        }

        Join<Measure, Problem> problem() {
            if (problem == null) {
                problem = m.join("problem");
            }
            return problem;
        }

        Join<Problem, Meeting> meeting() {
            if (meeting == null) {
                meeting = problem().join("meeting");
            }
            return meeting;
        }

        Join<Measure, Unit> unit() {
            if (unit == null) {
                unit = m.join("unit");
            }
            return unit;
        }

        Join<Measure, Person> leader() {
            if (leader == null) {
                leader = m.join("leader");
            }
            return leader;
        }
    }
}
