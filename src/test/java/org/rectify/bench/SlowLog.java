package org.rectify.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's own account of the statements a client sent: MariaDB's slow query log at {@code long_query_time=0},
 * written to {@code mysql.slow_log}, with every statement (SET autocommit and COMMIT included) and its execution
 * time. The benchmark reads it to count and time what the application sends for one action.
 */
final class SlowLog implements AutoCloseable {

    /** What a client sent during an action: statements, their summed execution time, and a count per kind. */
    record Sql(int statements, double seconds, Map<String, Integer> byKind) {
        long millis() {
            return Math.round(seconds * 1000);
        }
    }

    private final Connection connection;
    private final long ownThread;
    private final String database;

    SlowLog(Connection connection, String database) throws SQLException {
        this.connection = connection;
        this.database = database;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select connection_id()")) {
            r.next();
            ownThread = r.getLong(1);
        }
    }

    long ownThread() {
        return ownThread;
    }

    /**
     * Logging on for connections opened from now on, and for this one. A connection copies the setting when it
     * opens (MariaDB keeps it per session), so the application must be started after this to be counted.
     */
    void on() throws SQLException {
        exec("set global slow_query_log = 1", "set session slow_query_log = 1");
    }

    /** Logging off for connections opened from now on (a process to be timed without the log's overhead). */
    void off() throws SQLException {
        exec("set global slow_query_log = 0", "set session slow_query_log = 0");
    }

    /** Empties the log; logging continues. */
    void clear() throws SQLException {
        exec("truncate table mysql.slow_log");
    }

    /**
     * The statements logged since {@link #clear()} by clients other than this one, or only by this one.
     *
     * @param mine this connection's own statements (the raw SQL) rather than everybody else's (the application)
     */
    Sql read(boolean mine) throws SQLException {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        int n = 0;
        double seconds = 0;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select thread_id, time_to_sec(query_time),"
                     + " sql_text from mysql.slow_log where db = '" + database + "'")) {
            while (r.next()) {
                boolean own = r.getLong(1) == ownThread;
                String sql = r.getString(3).trim();
                if (own != mine || own && sql.startsWith("set ") || sql.contains("mysql.slow_log")) {
                    continue;
                }
                n++;
                seconds += r.getDouble(2);
                String kind = sql.isEmpty() ? "?" : sql.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
                kinds.merge(kind, 1, Integer::sum);
            }
        }
        return new Sql(n, seconds, kinds);
    }

    private void exec(String... sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Switches the log off and empties it. */
    @Override
    public void close() throws SQLException {
        // The other settings are restored by bench/run.sh, which set them before anything connected.
        exec("set global slow_query_log = 0", "truncate table mysql.slow_log");
    }
}
