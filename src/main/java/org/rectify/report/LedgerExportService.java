package org.rectify.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGroup;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerSort;
import org.rectify.ledger.Measure;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingRepository;
import org.rectify.org.OrgService;
import org.rectify.org.Unit;
import org.springframework.stereotype.Service;

/**
 * Exports exactly what the ledger shows — its filter and grouping, all pages, within the user's scope — as the
 * sheet offices send upward. Streamed: rows are read page by page in the ledger's order (the ids first, then the
 * rows of each page) and written through POI's streaming workbook, so 100,000 rows never sit in memory.
 */
@Service
public class LedgerExportService {

    /** Rows read from the database at a time. */
    static final int PAGE = 500;
    /** Rows POI keeps in memory while streaming. */
    static final int WINDOW = 200;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final LedgerService ledger;
    private final MeetingRepository meetings;
    private final OrgService org;
    private final RectifyI18NProvider i18n;
    private final Today today;

    public LedgerExportService(LedgerService ledger, MeetingRepository meetings, OrgService org,
            RectifyI18NProvider i18n, Today today) {
        this.ledger = ledger;
        this.meetings = meetings;
        this.org = org;
        this.i18n = i18n;
        this.today = today;
    }

    /** Hears how far an export has come: rows written of all. */
    public interface Progress {
        void rows(int done, int total);
    }

    /**
     * Writes the export to a new temporary file (the caller hands it to the user and deletes it).
     *
     * @param note a line under the title saying what was selected (the filter in words), may be empty
     */
    public Path export(LedgerFilter filter, LedgerGrouping grouping, String note, Progress progress) {
        try {
            Path file = Files.createTempFile("rectify-export-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                write(filter, grouping, note, progress, out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(LedgerFilter filter, LedgerGrouping grouping, String note, Progress progress, OutputStream out)
            throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        try {
            LedgerSheet sheet = new LedgerSheet(wb, "整改台账", title(filter), subtitle(note), this::label);
            write(sheet, filter, grouping, progress);
            sheet.finish();
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** The rows of the filter into a sheet, group by group when grouped. */
    void write(LedgerSheet sheet, LedgerFilter filter, LedgerGrouping grouping, Progress progress) {
        int total = (int) ledger.totals(filter).total();
        int[] done = {0};
        if (grouping == LedgerGrouping.NONE) {
            rows(sheet, ledger.allIds(filter, null, List.of()), total, done, progress);
        } else {
            for (LedgerGroup g : ledger.groups(filter, grouping)) {
                sheet.group(g.label() + "（共" + g.total() + "项，已销号" + g.closed() + "项"
                        + (g.overdue() > 0 ? "，逾期" + g.overdue() + "项" : "") + "）");
                rows(sheet, ledger.allIds(filter, g, List.of()), total, done, progress);
            }
        }
        progress.rows(done[0], total);
    }

    private void rows(LedgerSheet sheet, List<Long> ids, int total, int[] done, Progress progress) {
        for (int from = 0; from < ids.size(); from += PAGE) {
            List<Measure> page = ledger.rows(ids.subList(from, Math.min(ids.size(), from + PAGE)));
            page.forEach(sheet::measure);
            done[0] += page.size();
            progress.rows(done[0], total);
        }
    }

    /** "市交通运输局党委2025年度党委领导班子民主生活会整改台账", or the organization's (or unit's) ledger. */
    String title(LedgerFilter filter) {
        if (filter.getMeetingId() != null) {
            Meeting m = meetings.findById(filter.getMeetingId()).orElse(null);
            if (m != null) {
                String orgName = org.findUnit(m.getOrganization().getId()).map(Unit::getName).orElse("");
                return (m.getTitle().startsWith(orgName) ? "" : orgName) + m.getTitle() + "整改台账";
            }
        }
        String unit = filter.getUnitId() == null ? null : org.findUnit(filter.getUnitId()).map(Unit::getName)
                .orElse(null);
        String top = org.unitsInTreeOrder().stream().findFirst().map(Unit::getName).orElse("");
        return (unit != null ? unit : top) + "整改台账";
    }

    private String subtitle(String note) {
        String asOf = "截至" + LedgerSheet.day(today.date());
        return Texts.isBlank(note) ? asOf : Texts.strip(note) + "　　" + asOf;
    }

    String label(String key) {
        return i18n.getTranslation(key, ZH);
    }
}
