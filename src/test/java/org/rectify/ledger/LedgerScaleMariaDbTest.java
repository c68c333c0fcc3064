package org.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectify.bench.BenchData;
import org.rectify.testing.MariaDbAvailable;
import org.rectify.testing.ServerStatements;
import org.rectify.testing.TestConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger at the scale of a large organization, on MariaDB: the benchmark's generator ({@link BenchData}: 200
 * units, 5,000 people, 8 meetings, 40,000 problems, 100,000 measures, 120,000 events). What is asserted is what the
 * database is asked, counted by the server itself: a grid page is a handful of statements, the ledger's summary and
 * groups are read once per action, the daily digest for everyone is a few statements plus batched inserts. Times are
 * printed, not asserted (the benchmark, bench/run.sh, measures them); the numbers must equal the generator's and
 * those of SQL written here against the source columns.
 */
@ExtendWith(MariaDbAvailable.class)
@SpringBootTest(properties = {"spring.datasource.url=jdbc:mysql://${RECTIFY_TEST_DB_HOST:127.0.0.1}:"
        + "${RECTIFY_TEST_DB_PORT:3306}/rectify_scale?createDatabaseIfNotExist=true&useUnicode=true"
        + "&characterEncoding=utf8&rewriteBatchedStatements=true",
        // One connection, so that the server's session counters count exactly what the application sends.
        "spring.datasource.hikari.maximum-pool-size=1"})
@ActiveProfiles({"test", "mariadb"})
@Import(TestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerScaleMariaDbTest {

    static final int MEASURES = BenchData.MEASURES;
    /**
     * A grid page: the ids in order, the rows, and the transaction around them (SET autocommit=0, COMMIT, SET
     * autocommit=1). The summary and groups take one more: the unit tree for the groups' labels.
     */
    static final long PAGE_STATEMENTS = 5;
    /** The dashboard: its 12 reads and the transaction around them (16 while the totals took two reads). */
    static final long DASHBOARD_STATEMENTS = 15;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerService ledger;
    @Autowired
    org.rectify.mail.ReminderService reminders;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    private BenchData.Shape shape;
    private ServerStatements server;

    @org.junit.jupiter.api.BeforeEach
    void login() {
        org.rectify.testing.TestLogin.as(new org.rectify.security.Actor(0, "scale", "规模测试",
                org.rectify.security.Role.OFFICE, null, null));
    }

    @BeforeAll
    void seed() {
        long start = System.nanoTime();
        shape = new BenchData(jdbc, TODAY, passwords.encode(BenchData.PASSWORD)).generate();
        jdbc.execute("analyze table org_unit, person, meeting, problem, measure, measure_event");
        server = new ServerStatements(jdbc);
        System.out.printf("[scale] generated in %,d ms: %s%n", (System.nanoTime() - start) / 1_000_000, shape);
    }

    /** Runs once to warm up, then counts the statements of the second run, and prints its time. */
    private <T> T counted(String what, long maxStatements, Supplier<T> action) {
        action.get();
        Object[] result = new Object[1];
        long start = System.nanoTime();
        ServerStatements.Count c = server.count(() -> result[0] = action.get());
        System.out.printf("[scale] %-45s %5d ms, %3d statements%n", what, (System.nanoTime() - start) / 1_000_000,
                c.statements());
        assertThat(c.statements()).as(what + ": statements sent to the server").isLessThanOrEqualTo(maxStatements);
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /** The ledger's order from the source columns (meeting date, problem number), not the copies on measure. */
    private List<Long> idsInLedgerOrder(String where, String limit) {
        return jdbc.queryForList("select m.id from measure m join problem p on p.id = m.problem_id"
                + " join meeting mt on mt.id = p.meeting_id " + where
                + " order by mt.held_on desc, mt.id desc, p.seq_no, m.seq_no, m.id " + limit, Long.class);
    }

    @Test
    void theSummaryAndTheGroupsAreOneReadAndEqualTheGenerator() {
        LedgerService.Overview o = counted("summary and groups by unit", PAGE_STATEMENTS + 1,
                () -> ledger.overview(new LedgerFilter(), LedgerGrouping.UNIT));
        assertThat(o.totals().total()).isEqualTo(MEASURES);
        assertThat(o.totals().closed()).isEqualTo(shape.closed());
        assertThat(o.totals().overdue()).isEqualTo(shape.overdue());
        assertThat(o.totals().dueSoon()).isEqualTo(shape.dueWithin7());
        assertThat(o.groups()).hasSize(shape.units());
        assertThat(o.groups().stream().mapToLong(LedgerGroup::total).sum()).isEqualTo(MEASURES);
        assertThat(o.groups().stream().mapToLong(LedgerGroup::overdue).sum()).isEqualTo(shape.overdue());

        List<LedgerGroup> byCategory = counted("groups by category", PAGE_STATEMENTS,
                () -> ledger.groups(new LedgerFilter(), LedgerGrouping.CATEGORY));
        assertThat(byCategory.stream().mapToLong(LedgerGroup::total).sum()).isEqualTo(MEASURES);
        long overdue = counted("overdue count (the menu's badge)", 4, ledger::overdueCount);
        assertThat(overdue).isEqualTo(shape.overdue());
    }

    @Autowired
    org.rectify.dashboard.DashboardService dashboard;

    /**
     * The whole dashboard for all meetings: one read-only transaction with one statement per figure (key figures
     * with the per-type figures, units, categories, problems by type, the two trend columns, two alert lists of ids
     * and rows, the unit tree and the categories for the labels); none of it loads the measures.
     */
    @Test
    void theDashboardIsOneStatementPerFigureAndEqualsTheGenerator() {
        org.rectify.dashboard.DashboardService.Dashboard d = counted("dashboard, all meetings", DASHBOARD_STATEMENTS,
                () -> dashboard.load(new LedgerFilter()));
        assertThat(d.kpis().total()).isEqualTo(MEASURES);
        assertThat(d.kpis().closed()).isEqualTo(shape.closed());
        assertThat(d.kpis().overdue()).isEqualTo(shape.overdue());
        assertThat(d.byType().stream().mapToLong(LedgerService.TypeTotals::total).sum()).isEqualTo(MEASURES);
        assertThat(d.byType().stream().mapToLong(LedgerService.TypeTotals::closed).sum()).isEqualTo(shape.closed());
        assertThat(d.byUnit().stream().mapToLong(u -> u.closed() + u.onTrack() + u.overdue()).sum())
                .as("every open or closed item in one bar").isEqualTo(d.kpis().closed() + d.kpis().open());
        assertThat(d.overdue()).hasSize(10);
    }

    @Test
    void gridPagesAreAHandfulOfStatementsAndInTheLedgersOrder() {
        List<Measure> first = counted("first page, ungrouped", PAGE_STATEMENTS,
                () -> ledger.find(new LedgerFilter(), null, 0, 50, List.of(), MEASURES));
        assertThat(first).extracting(Measure::getId).containsExactlyElementsOf(idsInLedgerOrder("", "limit 50"));

        List<Measure> last = counted("last page, read from the end", PAGE_STATEMENTS,
                () -> ledger.find(new LedgerFilter(), null, MEASURES - 50, 50, List.of(), MEASURES));
        assertThat(last).extracting(Measure::getId)
                .containsExactlyElementsOf(idsInLedgerOrder("", "limit 50 offset " + (MEASURES - 50)));
        List<Measure> deep = counted("a page at 60 %, read from the end", PAGE_STATEMENTS,
                () -> ledger.find(new LedgerFilter(), null, 60_000, 50, List.of(), MEASURES));
        assertThat(deep).extracting(Measure::getId)
                .containsExactlyElementsOf(idsInLedgerOrder("", "limit 50 offset 60000"));

        LedgerGroup unit = ledger.groups(new LedgerFilter(), LedgerGrouping.UNIT).get(3);
        List<Measure> inGroup = counted("page within a unit group", PAGE_STATEMENTS,
                () -> ledger.find(new LedgerFilter(), unit, 0, 50, List.of(), unit.total()));
        assertThat(inGroup).extracting(Measure::getId).containsExactlyElementsOf(
                idsInLedgerOrder("where m.unit_id = " + unit.key(), "limit 50"));

        LedgerFilter overdueOnly = new LedgerFilter().setOverdueOnly(true);
        List<Measure> overdue = counted("page of overdue items", PAGE_STATEMENTS,
                () -> ledger.find(overdueOnly, null, 0, 50, List.of(), shape.overdue()));
        assertThat(overdue).hasSize(50).allMatch(m -> m.isOverdue(TODAY));
        assertThat(overdue).extracting(Measure::getId).containsExactlyElementsOf(idsInLedgerOrder(
                "where m.status not in ('CLOSED', 'CARRIED_OVER') and m.deadline < '" + TODAY + "'", "limit 50"));

        List<Measure> byDeadline = counted("page sorted by deadline", PAGE_STATEMENTS,
                () -> ledger.find(new LedgerFilter(), unit, 0, 50,
                        List.of(new LedgerSort(LedgerSort.Field.DEADLINE, true)), unit.total()));
        assertThat(byDeadline).hasSize(50).allMatch(m -> m.getUnit().getId() == unit.key());

        List<Measure> found = counted("free text search", PAGE_STATEMENTS,
                () -> ledger.find(new LedgerFilter().setText("（99999）"), null, 0, 50, List.of()));
        assertThat(found).extracting(Measure::getId).containsExactly(99_999L);
    }

    @Test
    void theDailyDigestForEveryoneIsAFewStatementsAndBatchedInserts() {
        // Who should get a digest, by SQL of its own: leaders and contacts of open items that are overdue, due
        // within the window or (long-term) without a report for longer than the period.
        int window = 7;
        String due = "m.status not in ('CLOSED', 'CARRIED_OVER') and (m.deadline <= '" + TODAY.plusDays(window)
                + "' or (m.measure_type = 'LONG_TERM' and coalesce(m.last_progress_on, mt.held_on) < '"
                + TODAY.minusDays(30) + "'))";
        String items = "from measure m join problem p on p.id = m.problem_id join meeting mt on mt.id = p.meeting_id"
                + " where " + due;
        long expected = jdbc.queryForObject("select count(distinct m.leader_id) " + items, Long.class)
                + jdbc.queryForObject("select count(distinct m.contact_id) " + items, Long.class);
        jdbc.update("delete from mail_outbox");
        long start = System.nanoTime();
        ServerStatements.Count c = server.count(() -> {
            org.rectify.mail.ReminderService.RunReport r = reminders.runDailyDigest();
            assertThat(r.recorded()).as("a digest per leader and per contact (and the office's own)")
                    .isBetween((int) expected, (int) expected + 1);
        });
        System.out.printf("[scale] %-45s %5d ms, %3d statements (%d inserts)%n", "daily digest, " + expected
                + " mails", (System.nanoTime() - start) / 1_000_000, c.statements(), c.inserts());
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where idem_key like 'DIGEST:LEADER:%'"
                + " or idem_key like 'DIGEST:CONTACT:%'", Long.class)).isEqualTo(expected);
        assertThat(c.statements() - c.inserts()).as("statements besides the inserts").isLessThanOrEqualTo(20);
        assertThat(c.inserts()).as("batched: hundreds of mails per insert").isLessThanOrEqualTo(expected / 100 + 2);
        // A second run the same day records nothing and composes nothing.
        ServerStatements.Count again = server.count(() -> assertThat(reminders.runDailyDigest().recorded())
                .isZero());
        assertThat(again.inserts()).isZero();
    }

    @Autowired
    org.rectify.report.LedgerExportService export;

    /**
     * The whole ledger exported, streamed: the heap it keeps is measured while it runs (the live heap after a
     * collection, every 10,000 rows) and printed. No timing assertion; the file is read back to count its rows.
     */
    @Test
    void aHundredThousandRowsAreExportedWithLittleHeap() throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long base = rt.totalMemory() - rt.freeMemory();
        long[] peak = {0};
        int[] nextSample = {10_000};
        long start = System.nanoTime();
        java.nio.file.Path file = export.export(new LedgerFilter(), LedgerGrouping.NONE, "", (done, total) -> {
            if (done >= nextSample[0]) {
                nextSample[0] += 10_000;
                System.gc();
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory() - base);
            }
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[scale] export of %,d rows: %,d ms, %,d KB written, live heap at most %,d KB above the"
                + " %,d MB before%n", MEASURES, ms, java.nio.file.Files.size(file) / 1024, peak[0] / 1024,
                base / (1024 * 1024));
        int rows = org.rectify.transfer.WorkbookReaderAccess.rows(file, 200_000);
        assertThat(rows).as("title, note, header and every measure").isEqualTo(MEASURES + 3);
        java.nio.file.Files.delete(file);
    }
}
