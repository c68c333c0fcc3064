package org.rectify.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the statements the MariaDB server received while an action ran, by the server's own counters
 * ({@code Questions}: every statement, SET autocommit and COMMIT included; {@code Com_insert}: inserts, one per
 * multi-row batch). The counters are the connection's own (session status), so the application must run on a pool
 * of one connection ({@code spring.datasource.hikari.maximum-pool-size=1}): then everything it sends is counted, and
 * nothing another client sends is. The counter's own reads are calibrated away.
 */
public final class ServerStatements {

    /** What an action cost. */
    public record Count(long statements, long inserts) {
    }

    private final JdbcTemplate jdbc;
    private final long selfCost;

    public ServerStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        long[] a = read();
        long[] b = read();
        this.selfCost = b[0] - a[0];
    }

    public Count count(Runnable action) {
        long[] before = read();
        action.run();
        long[] after = read();
        return new Count(after[0] - before[0] - selfCost, after[1] - before[1]);
    }

    private long[] read() {
        return jdbc.query("select variable_name, variable_value from information_schema.session_status"
                + " where variable_name in ('QUESTIONS', 'COM_INSERT')", rs -> {
                    long[] v = new long[2];
                    while (rs.next()) {
                        v["QUESTIONS".equalsIgnoreCase(rs.getString(1)) ? 0 : 1] = rs.getLong(2);
                    }
                    return v;
                });
    }
}
