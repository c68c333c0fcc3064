package org.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectify.testing.MariaDbAvailable;
import org.rectify.testing.TestConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger at the scale DOMAIN.md designs for: 100,000 measures on MariaDB. Every query the ledger page runs
 * (totals, group totals, a page at the start and at the end, a text search) must answer within a second, and the
 * totals must equal counts computed here from the generator, not from SQL.
 */
@ExtendWith(MariaDbAvailable.class)
@SpringBootTest(properties = "spring.datasource.url=jdbc:mysql://${RECTIFY_TEST_DB_HOST:127.0.0.1}:"
        + "${RECTIFY_TEST_DB_PORT:3306}/rectify_scale?createDatabaseIfNotExist=true&useUnicode=true"
        + "&characterEncoding=utf8&rewriteBatchedStatements=true")
@ActiveProfiles({"test", "mariadb"})
@Import(TestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerScaleMariaDbTest {

    static final int MEASURES = 100_000;
    static final int PER_PROBLEM = 5;
    static final int UNITS = 20;
    static final long LIMIT_MS = 1000;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerService ledger;

    /** Deterministic rows: the test knows every one without asking the database. */
    static LocalDate deadline(int i) {
        return i % 10 == 0 ? null : TODAY.plusDays((i % 200) - 100);
    }

    static boolean closed(int i) {
        return i % 3 == 0;
    }

    static int unit(int i) {
        return 2 + (i % UNITS); // unit 1 is the committee
    }

    @org.junit.jupiter.api.BeforeEach
    void login() {
        org.rectify.testing.TestLogin.as(new org.rectify.security.Actor(0, "scale", "规模测试",
                org.rectify.security.Role.OFFICE, null, null));
    }

    @BeforeAll
    void seed() {
        long start = System.nanoTime();
        jdbc.update("insert into org_unit (id, name, code, kind, parent_id, path, sort_order) "
                + "values (1, '党委', 'S-ROOT', 'COMMITTEE', null, '/1/', 0)");
        List<Object[]> units = new ArrayList<>();
        for (int u = 2; u < 2 + UNITS; u++) {
            units.add(new Object[] {u, "单位" + u, "S-" + u, "/1/" + u + "/", u});
        }
        jdbc.batchUpdate("insert into org_unit (id, name, code, kind, parent_id, path, sort_order) "
                + "values (?, ?, ?, 'DEPARTMENT', 1, ?, ?)", units);
        jdbc.update("insert into person (id, name, unit_id, position, committee_member) "
                + "values (1, '书记', 1, 'SECRETARY', true)");
        jdbc.update("insert into meeting (id, title, kind, org_unit_id, meeting_year, held_on, status) "
                + "values (1, '规模测试', 'DEMOCRATIC_LIFE', 1, 2025, ?, 'RECTIFYING')",
                Date.valueOf(LocalDate.of(2026, 1, 20)));
        List<Long> categories = jdbc.queryForList("select id from category order by sort_order", Long.class);
        List<Object[]> problems = new ArrayList<>();
        for (int p = 1; p <= MEASURES / PER_PROBLEM; p++) {
            problems.add(new Object[] {p, p, categories.get(p % categories.size()), "问题描述第" + p + "项"});
        }
        jdbc.batchUpdate("insert into problem (id, meeting_id, seq_no, scope, source, category_id, description) "
                + "values (?, 1, ?, 'TEAM', 'STUDY', ?, ?)", problems);
        List<Object[]> measures = new ArrayList<>(MEASURES);
        for (int i = 0; i < MEASURES; i++) {
            LocalDate d = deadline(i);
            measures.add(new Object[] {1 + i / PER_PROBLEM, 1 + i % PER_PROBLEM, "整改措施第" + i + "条",
                    unit(i), d == null ? "LONG_TERM" : "PHASED", d == null ? null : Date.valueOf(d),
                    closed(i) ? "CLOSED" : "IN_PROGRESS", closed(i) ? 100 : 50});
        }
        for (int from = 0; from < MEASURES; from += 5000) {
            jdbc.batchUpdate("insert into measure (problem_id, seq_no, content, leader_id, unit_id, measure_type, "
                    + "deadline, status, progress) values (?, ?, ?, 1, ?, ?, ?, ?, ?)",
                    measures.subList(from, from + 5000));
        }
        jdbc.execute("analyze table measure, problem, org_unit");
        System.out.printf("[scale] seeded %,d measures in %,d ms%n", MEASURES, (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs once to warm up, then times the second run. */
    private static <T> T timed(String what, Supplier<T> query) {
        query.get();
        long start = System.nanoTime();
        T result = query.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[scale] %-40s %5d ms%n", what, ms);
        assertThat(ms).as(what + " at " + MEASURES + " rows").isLessThan(LIMIT_MS);
        return result;
    }

    @Test
    void totalsAndGroupsAreRightAndFast() {
        long closed = 0;
        long overdue = 0;
        for (int i = 0; i < MEASURES; i++) {
            LocalDate d = deadline(i);
            closed += closed(i) ? 1 : 0;
            overdue += d != null && !closed(i) && d.isBefore(TODAY) ? 1 : 0;
        }
        LedgerService.LedgerTotals totals = timed("totals", () -> ledger.totals(new LedgerFilter()));
        assertThat(totals.total()).isEqualTo(MEASURES);
        assertThat(totals.closed()).isEqualTo(closed);
        assertThat(totals.overdue()).isEqualTo(overdue);

        List<LedgerGroup> byUnit = timed("group totals by unit",
                () -> ledger.groups(new LedgerFilter(), LedgerGrouping.UNIT));
        assertThat(byUnit).hasSize(UNITS);
        assertThat(byUnit.get(0).total()).isEqualTo(MEASURES / UNITS);
        assertThat(byUnit.stream().mapToLong(LedgerGroup::overdue).sum()).isEqualTo(overdue);

        List<LedgerGroup> byCategory = timed("group totals by category",
                () -> ledger.groups(new LedgerFilter(), LedgerGrouping.CATEGORY));
        assertThat(byCategory.stream().mapToLong(LedgerGroup::total).sum()).isEqualTo(MEASURES);

        long overdueRows = timed("count, overdue only",
                () -> ledger.count(new LedgerFilter().setOverdueOnly(true), null));
        assertThat(overdueRows).isEqualTo(overdue);
    }

    @Test
    void pagesAreFastAtTheStartAndAtTheEnd() {
        List<Measure> first = timed("first page (50 rows)",
                () -> ledger.find(new LedgerFilter(), null, 0, 50, List.of()));
        assertThat(first).hasSize(50);
        assertThat(first.get(0).getContent()).isEqualTo("整改措施第0条");
        List<Measure> last = timed("last page (offset 99,950)",
                () -> ledger.find(new LedgerFilter(), null, MEASURES - 50, 50, List.of()));
        assertThat(last).hasSize(50);
        assertThat(last.get(49).getContent()).isEqualTo("整改措施第" + (MEASURES - 1) + "条");
        LedgerGroup unit = ledger.groups(new LedgerFilter(), LedgerGrouping.UNIT).get(3);
        List<Measure> inGroup = timed("page within a unit group, by deadline",
                () -> ledger.find(new LedgerFilter(), unit, 1000, 50,
                        List.of(new LedgerSort(LedgerSort.Field.DEADLINE, true))));
        assertThat(inGroup).hasSize(50).allMatch(m -> m.getUnit().getId() == unit.key());
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

    @Test
    void textSearchAndSubUnitFilterAreFast() {
        List<Measure> found = timed("free text search",
                () -> ledger.find(new LedgerFilter().setText("措施第99999条"), null, 0, 50, List.of()));
        assertThat(found).extracting(Measure::getContent).containsExactly("整改措施第99999条");
        long inRoot = timed("count, unit incl. sub-units",
                () -> ledger.count(new LedgerFilter().setUnitId(1L), null));
        assertThat(inRoot).isEqualTo(MEASURES);
    }
}
