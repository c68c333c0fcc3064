package org.rectify.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * A meeting's ledger as it stood at the end of a day, read from the Envers history (the last revision of each row
 * up to that day) and aggregated in SQL. Names of units, people and categories come from their history too, so a
 * report for a past day reads the same next month, whatever was renamed since. Native SQL that both MySQL/MariaDB
 * and H2 run.
 */
@Repository
class LedgerHistory {

    /** The measures of the meeting as of revision :rev. */
    private static final String MEASURES = """
            (select ma.id, ma.problem_id, ma.seq_no, ma.measure_type, ma.status, ma.deadline, ma.original_deadline,
                    ma.unit_id, ma.leader_id, ma.content
             from measure_aud ma
             join (select a.id, max(a.rev) rev from measure_aud a
                   where a.rev <= :rev and a.problem_id in (select p.id from problem p where p.meeting_id = :meeting)
                   group by a.id) last on last.id = ma.id and last.rev = ma.rev
             where ma.revtype <> 2) m""";

    /** The problems of the meeting as of revision :rev. */
    private static final String PROBLEMS = """
            (select pa.id, pa.seq_no, pa.scope, pa.member_id, pa.category_id, pa.description
             from problem_aud pa
             join (select a.id, max(a.rev) rev from problem_aud a where a.rev <= :rev and a.meeting_id = :meeting
                   group by a.id) last on last.id = pa.id and last.rev = pa.rev
             where pa.revtype <> 2) p""";

    private static final String CLOSED = "case when m.status = 'CLOSED' then 1 else 0 end";
    private static final String CARRIED = "case when m.status = 'CARRIED_OVER' then 1 else 0 end";
    private static final String OVERDUE = "case when m.deadline < :day and m.status not in ('CLOSED', 'CARRIED_OVER')"
            + " then 1 else 0 end";

    @PersistenceContext
    private EntityManager em;

    /** The last revision written before the end of {@code day} in {@code zone}; 0 when there is none. */
    /** The day the meeting's first problem entered the portal (typed in or imported): its history starts there. */
    java.util.Optional<LocalDate> firstDay(long meetingId, ZoneId zone) {
        Object min = em.createNativeQuery("select min(r.rev_timestamp) from problem_aud p join revinfo r"
                        + " on r.id = p.rev where p.meeting_id = :id")
                .setParameter("id", meetingId).getSingleResult();
        return java.util.Optional.ofNullable(min).map(t -> java.time.Instant.ofEpochMilli(((Number) t).longValue())
                .atZone(zone).toLocalDate());
    }

    long revisionAt(LocalDate day, ZoneId zone) {
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Object max = em.createNativeQuery("select max(r.id) from revinfo r where r.rev_timestamp < :end")
                .setParameter("end", end).getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    private Query query(String sql, long meetingId, long rev, LocalDate day) {
        Query q = em.createNativeQuery(sql).setParameter("meeting", meetingId).setParameter("rev", rev);
        if (sql.contains(":day")) {
            q.setParameter("day", day);
        }
        return q;
    }

    /** measures, closed, carried, overdue. */
    long[] totals(long meetingId, long rev, LocalDate day) {
        Object[] r = (Object[]) query("select count(*), sum(" + CLOSED + "), sum(" + CARRIED + "), sum(" + OVERDUE
                + ") from " + MEASURES, meetingId, rev, day).getSingleResult();
        return new long[] {n(r[0]), n(r[1]), n(r[2]), n(r[3])};
    }

    /** Per type: type, all, closed, carried. */
    List<Object[]> byType(long meetingId, long rev) {
        return rows(query("select m.measure_type, count(*), sum(" + CLOSED + "), sum(" + CARRIED + ") from "
                + MEASURES + " group by m.measure_type", meetingId, rev, null));
    }

    /**
     * Problems by the type of their measures (the longest: 长期 over 阶段性 over 即知即改) and whether any of their
     * measures is still not closed: rank (1, 2, 3), open (0, 1), count.
     */
    List<Object[]> problemsByType(long meetingId, long rev) {
        return rows(query("""
                select t.rnk, case when t.open_count > 0 then 1 else 0 end, count(*) from
                  (select m.problem_id,
                          max(case m.measure_type when 'LONG_TERM' then 3 when 'PHASED' then 2 else 1 end) rnk,
                          sum(case when m.status <> 'CLOSED' then 1 else 0 end) open_count
                   from""" + " " + MEASURES + " group by m.problem_id) t"
                + " group by t.rnk, case when t.open_count > 0 then 1 else 0 end", meetingId, rev, null));
    }

    /** Problems with at least one measure, per scope: scope, count. */
    List<Object[]> problemsByScope(long meetingId, long rev) {
        return rows(query("select p.scope, count(distinct p.id) from " + PROBLEMS + " join " + MEASURES
                + " on m.problem_id = p.id group by p.scope", meetingId, rev, null));
    }

    /** Per unit: unit id, all, closed, carried, overdue. */
    List<Object[]> byUnit(long meetingId, long rev, LocalDate day) {
        return rows(query("select m.unit_id, count(*), sum(" + CLOSED + "), sum(" + CARRIED + "), sum(" + OVERDUE
                + ") from " + MEASURES + " group by m.unit_id", meetingId, rev, day));
    }

    /** Overdue measures as of the day: id, problem seq, content, unit, leader, deadline, original deadline. */
    List<Object[]> overdue(long meetingId, long rev, LocalDate day) {
        return rows(query("select m.id, p.seq_no, m.content, m.unit_id, m.leader_id, m.deadline, m.original_deadline"
                + " from " + MEASURES + " join " + PROBLEMS + " on p.id = m.problem_id"
                + " where m.deadline < :day and m.status not in ('CLOSED', 'CARRIED_OVER')"
                + " order by m.deadline, p.seq_no, m.seq_no", meetingId, rev, day));
    }

    /**
     * Every problem with its measures' state: id, seq, scope, member, category, description, measures, closed,
     * carried, overdue.
     */
    List<Object[]> problems(long meetingId, long rev, LocalDate day) {
        return rows(query("select p.id, p.seq_no, p.scope, p.member_id, p.category_id, p.description, count(m.id),"
                + " coalesce(sum(" + CLOSED + "), 0), coalesce(sum(" + CARRIED + "), 0),"
                + " coalesce(sum(" + OVERDUE + "), 0)"
                + " from " + PROBLEMS + " left join " + MEASURES + " on m.problem_id = p.id"
                + " group by p.id, p.seq_no, p.scope, p.member_id, p.category_id, p.description"
                + " having count(m.id) > 0 order by p.seq_no", meetingId, rev, day));
    }

    /** What was done about these items before the end of the day: urgings and extensions. */
    List<Object[]> actions(Collection<Long> measureIds, LocalDateTime before) {
        if (measureIds.isEmpty()) {
            return List.of();
        }
        return rows(em.createNativeQuery("""
                        select e.measure_id, e.event_date, e.kind, e.note, e.urged_by, e.new_deadline
                        from measure_event e
                        where e.measure_id in (:ids) and e.happened_at < :before
                          and e.kind in ('URGED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'EXTENSION_REFUSED')
                        order by e.happened_at, e.id""")
                .setParameter("ids", measureIds).setParameter("before", before));
    }

    /** Names as of the revision, from a table's history (units, people, categories); current names for the rest. */
    Map<Long, String> names(String table, Collection<Long> ids, long rev) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] r : rows(em.createNativeQuery("select x.id, x.name from " + table + "_aud x join (select a.id,"
                        + " max(a.rev) rev from " + table + "_aud a where a.rev <= :rev and a.id in (:ids) group by a.id)"
                        + " l on l.id = x.id and l.rev = x.rev")
                .setParameter("rev", rev).setParameter("ids", ids))) {
            names.put(n(r[0]), (String) r[1]);
        }
        List<Long> missing = ids.stream().filter(id -> !names.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            for (Object[] r : rows(em.createNativeQuery("select x.id, x.name from " + table + " x where x.id in (:ids)")
                    .setParameter("ids", missing))) {
                names.put(n(r[0]), (String) r[1]);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return new ArrayList<>((List<Object[]>) q.getResultList());
    }

    static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }
}
