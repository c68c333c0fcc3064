package org.rectify.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The best hand-written SQL for each benchmarked screen, on the same schema and returning the same figures and
 * rows as the application shows: the yardstick the application's SQL is measured against. Each method runs the
 * statements one user action needs, reading every row, on one connection.
 */
final class RawSql {

    private static final String OPEN = "m.status not in ('CLOSED', 'CARRIED_OVER')";
    private static final String ROWS = """
            select m.id, m.seq_no, m.content, m.measure_type, m.deadline, m.original_deadline, m.status, m.progress,
                   m.progress_note, m.last_progress_on, m.completed_on, m.item_code, m.version, p.id, p.seq_no,
                   p.description, p.scope, p.source, p.cause_analysis, c.name, mt.id, mt.title, mt.held_on,
                   u.id, u.name, l.id, l.name, ct.name
            from measure m join problem p on p.id = m.problem_id join category c on c.id = p.category_id
              join meeting mt on mt.id = p.meeting_id join org_unit u on u.id = m.unit_id
              join person l on l.id = m.leader_id left join person ct on ct.id = m.contact_id
            where m.id in (%s)""";

    private final Connection c;
    private final LocalDate today;
    /** The schema has the ledger's sort keys on measure (meeting date, problem number): they serve the order. */
    private final boolean sortKeys;

    RawSql(Connection c, LocalDate today) throws SQLException {
        this.c = c;
        this.today = today;
        try (ResultSet r = c.getMetaData().getColumns(null, null, "measure", "problem_seq")) {
            this.sortKeys = r.next();
        }
    }

    private String order() {
        return sortKeys ? "order by m.meeting_held_on desc, m.meeting_id desc, m.problem_seq, m.seq_no, m.id"
                : "order by mt.held_on desc, p.seq_no, m.seq_no, m.id";
    }

    private String reverseOrder() {
        return sortKeys ? "order by m.meeting_held_on, m.meeting_id, m.problem_seq desc, m.seq_no desc, m.id desc"
                : "order by mt.held_on, p.seq_no desc, m.seq_no desc, m.id desc";
    }

    private String joinsForOrder() {
        return sortKeys ? "" : " join problem p on p.id = m.problem_id join meeting mt on mt.id = p.meeting_id";
    }

    /** Count, closed, overdue, due soon, stale, at risk, carried over: the ledger's summary in one aggregate. */
    List<Object[]> totals(String where, Object... params) throws SQLException {
        Date t = Date.valueOf(today);
        String held = sortKeys ? "m.meeting_held_on" : "mt.held_on";
        String sql = "select count(*), sum(m.status = 'CLOSED'), sum(" + OPEN + " and m.deadline < ?), sum(" + OPEN
                + " and m.deadline between ? and ?), sum(m.measure_type = 'LONG_TERM' and " + OPEN
                + " and coalesce(m.last_progress_on, " + held + ") < ?), sum(" + OPEN
                + " and m.deadline between ? and ? and coalesce(m.last_progress_on, " + held + ") < ?),"
                + " sum(m.status = 'CARRIED_OVER') from measure m" + joinsForOrder() + where;
        List<Object> all = new ArrayList<>(List.of(t, t, Date.valueOf(today.plusDays(7)),
                Date.valueOf(today.minusDays(30)), t, Date.valueOf(today.plusDays(14)),
                Date.valueOf(today.minusDays(30))));
        all.addAll(List.of(params));
        return query(sql, all.toArray());
    }

    /** A page of ids in the ledger's order, then the rows of those ids. */
    List<Object[]> page(String where, int offset, int limit, boolean reverse, Object... params) throws SQLException {
        List<Object[]> ids = query("select m.id from measure m" + joinsForOrder() + where + " "
                + (reverse ? reverseOrder() : order()) + " limit " + limit + " offset " + offset, params);
        return rows(ids);
    }

    List<Object[]> rows(List<Object[]> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(r -> String.valueOf(r[0])).collect(Collectors.joining(","));
        return query(String.format(ROWS, in));
    }

    /**
     * What every ledger address shows besides its rows when it is opened: the menu's count of overdue items and the
     * filters' choices (meetings, years, the unit tree, categories; leaders are fetched only when the list opens).
     */
    void chrome() throws SQLException {
        Date t = Date.valueOf(today);
        query("select count(*) from measure m where " + OPEN + " and m.deadline < ?", t);
        query("select id, title, held_on, meeting_year, kind, status from meeting order by held_on desc");
        query("select distinct meeting_year from meeting order by meeting_year desc");
        query("select id, name, path, sort_order, parent_id, active from org_unit order by path");
        query("select id, name, sort_order from category order by sort_order, name");
    }

    /** 整改台账, ungrouped: the summary and the first 50 rows. */
    void firstPage() throws SQLException {
        chrome();
        totals("");
        page("", 0, 50, false);
    }

    /** Grouped by unit: the summary, the units' totals, the unit tree, and the first unit's first 50 rows. */
    void groupedByUnit() throws SQLException {
        chrome();
        totals("");
        Date t = Date.valueOf(today);
        List<Object[]> groups = query("select m.unit_id, count(*), sum(m.status = 'CLOSED'), sum(" + OPEN
                + " and m.deadline < ?), sum(m.status = 'CARRIED_OVER') from measure m group by m.unit_id", t);
        List<Object[]> units = query("select id, name, path, sort_order, parent_id from org_unit where active"
                + " order by path");
        long first = groups.stream().map(g -> ((Number) g[0]).longValue()).filter(id -> id == 1).findFirst()
                .orElse(((Number) groups.get(0)[0]).longValue());
        if (units.isEmpty()) {
            throw new IllegalStateException("no units");
        }
        page(" where m.unit_id = ?", 0, 50, false, first);
    }

    /** Only overdue items: the summary of them and their first 50 rows. */
    void overdueOnly() throws SQLException {
        chrome();
        Date t = Date.valueOf(today);
        totals(" where " + OPEN + " and m.deadline < ?", t);
        page(" where " + OPEN + " and m.deadline < ?", 0, 50, false, t);
    }

    /** A free-text search in problems and measures. */
    void textSearch(String text) throws SQLException {
        String like = "%" + text + "%";
        chrome();
        String where = " join problem pp on pp.id = m.problem_id where (pp.description like ? or m.content like ?)";
        totals(where, like, like);
        page(where, 0, 50, false, like, like);
    }

    /** The last 50 rows of the ledger, read from its end. */
    void lastPage() throws SQLException {
        page("", 0, 50, true);
    }

    /**
     * The dashboard for all meetings: KPIs and type totals in one grouped aggregate, per unit, per category,
     * problems by type, closed and due per day for the trend, and the ten oldest overdue and soonest due items.
     */
    void dashboard() throws SQLException {
        chrome();
        Date t = Date.valueOf(today);
        String held = sortKeys ? "m.meeting_held_on" : "mt.held_on";
        query("select m.measure_type, count(*), sum(m.status = 'CLOSED'), sum(" + OPEN + " and m.deadline < ?), sum("
                + OPEN + " and m.deadline between ? and ?), sum(m.measure_type = 'LONG_TERM' and " + OPEN
                + " and coalesce(m.last_progress_on, " + held + ") < ?), sum(" + OPEN + " and m.deadline between ? and ?"
                + " and coalesce(m.last_progress_on, " + held + ") < ?), sum(m.status = 'CARRIED_OVER')"
                + " from measure m" + joinsForOrder() + " group by m.measure_type", t, t,
                Date.valueOf(today.plusDays(7)), Date.valueOf(today.minusDays(30)), t, Date.valueOf(today.plusDays(14)),
                Date.valueOf(today.minusDays(30)));
        query("select m.unit_id, count(*), sum(m.status = 'CLOSED'), sum(" + OPEN + " and m.deadline < ?),"
                + " sum(m.status = 'CARRIED_OVER') from measure m group by m.unit_id", t);
        query("select p.category_id, count(*) from measure m join problem p on p.id = m.problem_id"
                + " group by p.category_id");
        query("select rnk, open > 0, count(*) from (select m.problem_id, max(case m.measure_type when 'LONG_TERM'"
                + " then 3 when 'PHASED' then 2 else 1 end) rnk, sum(m.status <> 'CLOSED') open from measure m"
                + " group by m.problem_id) x group by rnk, open > 0");
        query("select d, sum(due), sum(done) from (select deadline d, 1 due, 0 done from measure where deadline"
                + " is not null union all select completed_on, 0, 1 from measure where completed_on is not null) x"
                + " group by d order by d");
        alerts(" where " + OPEN + " and m.deadline < ?", t);
        alerts(" where " + OPEN + " and m.deadline between ? and ?", t, Date.valueOf(today.plusDays(7)));
    }

    private void alerts(String where, Object... params) throws SQLException {
        query("select m.id, m.content, u.name, l.name, m.deadline, m.last_progress_on from measure m"
                + " join org_unit u on u.id = m.unit_id join person l on l.id = m.leader_id" + where
                + " order by m.deadline, m.id limit 10", params);
    }

    /**
     * Everything the daily digest needs for all recipients in one read: the open items that are overdue, due
     * within the window or stale, with their leader, contact, texts and unit, in deadline order.
     */
    List<Object[]> digestItems(int window) throws SQLException {
        Date t = Date.valueOf(today);
        String held = sortKeys ? "m.meeting_held_on" : "mt.held_on";
        return query("select m.id, m.leader_id, m.contact_id, m.content, p.description, u.name, m.deadline,"
                + " m.measure_type, m.last_progress_on, " + held + " from measure m join problem p on p.id = m.problem_id"
                + (sortKeys ? "" : " join meeting mt on mt.id = p.meeting_id") + " join org_unit u on u.id = m.unit_id"
                + " where " + OPEN + " and (m.deadline <= ? or (m.measure_type = 'LONG_TERM'"
                + " and coalesce(m.last_progress_on, " + held + ") < ?)) order by m.deadline, m.id",
                Date.valueOf(today.plusDays(window)), Date.valueOf(today.minusDays(30)));
    }

    List<Object[]> query(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
