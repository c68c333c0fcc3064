package org.rectify.transfer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.base.Violation;
import org.rectify.ledger.Category;
import org.rectify.ledger.CategoryRepository;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemService;
import org.rectify.ledger.ProblemService.ImportedMeasure;
import org.rectify.ledger.ProblemService.ImportedProblem;
import org.rectify.ledger.ProblemService.MeasureDraft;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingRepository;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.org.UnitRepository;
import org.rectify.orgadmin.CategoryService;
import org.rectify.orgadmin.PeopleService;
import org.rectify.orgadmin.UnitAdminService;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import jakarta.persistence.LockModeType;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Imports the Excel ledger an office already keeps into a meeting. The sheet is read as people make it (title
 * rows, a two-row merged header, a problem merged over its measure rows, deadlines in words), checked with the
 * ledger's own rules, and shown as a preview — every problem by Excel row and column — before anything is saved.
 * The import is all or nothing, or, when the office chooses so, the valid rows only. Rows already in the meeting
 * (same problem and measure text, or the same 事项编号) are skipped, so importing a file twice adds nothing.
 */
@Service
public class LedgerImportService {

    private static final Pattern NOTE_ROW = Pattern.compile("^(注|备注|说明|填表|制表|审核|签发|联系人|附件|填报|单位（盖章）).*");
    private static final Pattern SPLIT = Pattern.compile("[、，,；;/\\n]+");

    private final MeetingRepository meetings;
    private final CategoryRepository categories;
    private final UnitRepository units;
    private final PersonRepository people;
    private final ProblemService problems;
    private final UnitAdminService unitAdmin;
    private final PeopleService peopleAdmin;
    private final CategoryService categoryAdmin;
    private final CurrentUser currentUser;
    private final Today today;
    private final int maxRows;
    private final DataSize maxSize;

    @PersistenceContext
    private EntityManager em;

    public LedgerImportService(MeetingRepository meetings, CategoryRepository categories, UnitRepository units,
            PersonRepository people, ProblemService problems, UnitAdminService unitAdmin, PeopleService peopleAdmin,
            CategoryService categoryAdmin, CurrentUser currentUser, Today today,
            @Value("${rectify.import.max-rows:20000}") int maxRows,
            @Value("${rectify.import.max-size:20MB}") DataSize maxSize) {
        this.meetings = meetings;
        this.categories = categories;
        this.units = units;
        this.people = people;
        this.problems = problems;
        this.unitAdmin = unitAdmin;
        this.peopleAdmin = peopleAdmin;
        this.categoryAdmin = categoryAdmin;
        this.currentUser = currentUser;
        this.today = today;
        this.maxRows = maxRows;
        this.maxSize = maxSize;
    }

    /**
     * @param createMissing     create the units, leaders and categories the sheet names but the portal lacks
     * @param validRowsOnly     import what is valid and leave the rest, instead of all or nothing
     * @param defaultSource     问题来源 of rows that do not say
     * @param defaultCategoryId 问题类别 of rows that do not say (may be null)
     */
    public record Options(boolean createMissing, boolean validRowsOnly, ProblemSource defaultSource,
                          Long defaultCategoryId) {

        public static Options defaults() {
            return new Options(false, false, ProblemSource.STUDY, null);
        }
    }

    /** What an import would do, and what stands in its way. */
    public static final class Preview {
        private final long meetingId;
        private final SheetGrid grid;
        private final Header<LedgerColumn> header;
        private final Analysis analysis;

        Preview(long meetingId, SheetGrid grid, Header<LedgerColumn> header, Analysis analysis) {
            this.meetingId = meetingId;
            this.grid = grid;
            this.header = header;
            this.analysis = analysis;
        }

        public String sheetName() {
            return grid.name();
        }

        /** The header's Excel row (1-based). */
        public int headerRow() {
            return header.row() + 1;
        }

        public int problems() {
            return analysis.newProblems;
        }

        public int measures() {
            return analysis.newMeasures;
        }

        /** Rows already in the meeting's ledger, skipped. */
        public int existing() {
            return analysis.existing;
        }

        /** Measure rows kept out by errors. */
        public int invalidRows() {
            return analysis.invalidRows;
        }

        public List<ImportIssue> issues() {
            return analysis.issues;
        }

        public List<MissingReference> missing() {
            return analysis.missing;
        }

        public boolean hasErrors() {
            return analysis.issues.stream().anyMatch(ImportIssue::error);
        }

        /** Problems the import writes (new ones, and existing ones that get new measures): its progress steps. */
        public int workUnits() {
            return analysis.valid.size();
        }

        public long meetingId() {
            return meetingId;
        }
    }

    /** What an import did. */
    public record Result(int problems, int measures, int existing, int skippedInvalid, int createdReferences) {
    }

    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** Reads the file and checks every row without saving anything. */
    @Transactional(readOnly = true)
    public Preview preview(long meetingId, Path file, Options options) {
        requireOffice();
        Meeting meeting = meeting(meetingId);
        checkSize(file);
        List<SheetGrid> sheets = WorkbookReader.read(file, maxRows);
        for (SheetGrid grid : sheets) {
            Header<LedgerColumn> header = Header.find(grid, LedgerColumn.class, LedgerColumn::of, 3,
                    Set.of(LedgerColumn.MEASURE));
            if (header != null) {
                return new Preview(meetingId, grid, header, analyze(meeting, grid, header, options));
            }
        }
        throw new TransferException("import.noHeader", String.join("、", List.of(LedgerColumn.PROBLEM.label(),
                LedgerColumn.MEASURE.label(), LedgerColumn.LEADER.label(), LedgerColumn.UNIT.label())));
    }

    /**
     * Imports what the preview showed, checked again in this transaction (the ledger may have changed since).
     * Refused as a whole when errors remain and the office did not choose "valid rows only".
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Result commit(Preview preview, Options options, IntConsumer progress) {
        requireOffice();
        // Two imports into one meeting wait for each other here; the second then sees the first's rows as existing.
        Meeting meeting = em.find(Meeting.class, preview.meetingId(), LockModeType.PESSIMISTIC_WRITE);
        if (meeting == null) {
            throw new InvalidActionException("meeting.notFound");
        }
        int created = 0;
        if (options.createMissing()) {
            Analysis before = analyze(meeting, preview.grid, preview.header, options);
            created = createMissing(meeting, before.missing);
        }
        Analysis analysis = analyze(meeting, preview.grid, preview.header, options);
        long errors = analysis.issues.stream().filter(ImportIssue::error).count();
        if (errors > 0 && !options.validRowsOnly()) {
            throw new TransferException("import.hasErrors", errors);
        }
        if (analysis.valid.isEmpty()) {
            return new Result(0, 0, analysis.existing, analysis.invalidRows, created);
        }
        problems.importProblems(meeting.getId(), analysis.valid, progress);
        return new Result(analysis.newProblems, analysis.newMeasures, analysis.existing, analysis.invalidRows,
                created);
    }

    private int createMissing(Meeting meeting, List<MissingReference> missing) {
        int n = 0;
        Set<String> codes = new HashSet<>();
        units.findAll().forEach(u -> codes.add(u.getCode().toLowerCase(Locale.ROOT)));
        for (MissingReference ref : missing) {
            switch (ref.kind()) {
                case UNIT -> {
                    int i = codes.size() + 1;
                    while (codes.contains(("u" + i).toLowerCase(Locale.ROOT))) {
                        i++;
                    }
                    codes.add("u" + i);
                    unitAdmin.create(new UnitAdminService.UnitDraft(ref.name(), "U" + i, UnitKind.DEPARTMENT,
                            meeting.getOrganization().getId()));
                }
                case LEADER -> peopleAdmin.create(new PeopleService.PersonDraft(ref.name(), null, null,
                        meeting.getOrganization().getId(), Position.COMMITTEE_MEMBER, true));
                case CATEGORY -> categoryAdmin.create(ref.name());
                case PERSON -> {
                    continue;
                }
            }
            n++;
        }
        em.flush();
        return n;
    }

    // --- The analysis: rows → problems with measures, every finding by row and column ---

    /** One data row's values by column (merged cells resolved). */
    private record Row(int index, Map<LedgerColumn, String> values) {
        String get(LedgerColumn c) {
            return values.getOrDefault(c, "");
        }

        int excelRow() {
            return index + 1;
        }
    }

    /** The rows of one problem (consecutive, or met again further down). */
    private static final class Block {
        final String key;
        final List<Row> rows;
        final ProblemScope sectionScope;
        final String sectionCategory;

        Block(String key, ProblemScope sectionScope, String sectionCategory) {
            this.key = key;
            this.rows = new ArrayList<>();
            this.sectionScope = sectionScope;
            this.sectionCategory = sectionCategory;
        }

        /** A further run of rows of the problem of {@code earlier}: its rows go there. */
        Block(String key, Block earlier) {
            this.key = key;
            this.rows = earlier.rows;
            this.sectionScope = earlier.sectionScope;
            this.sectionCategory = earlier.sectionCategory;
        }
    }

    static final class Analysis {
        final List<ImportIssue> issues = new ArrayList<>();
        final Map<String, MissingReference> missingByKey = new LinkedHashMap<>();
        List<MissingReference> missing = List.of();
        final List<ImportedProblem> valid = new ArrayList<>();
        int newProblems;
        int newMeasures;
        int existing;
        int invalidRows;

        void error(int row, String column, String key, Object... args) {
            issues.add(new ImportIssue(row, column, true, key, args));
        }

        void warn(int row, String column, String key, Object... args) {
            issues.add(new ImportIssue(row, column, false, key, args));
        }

        void missing(MissingReference.Kind kind, String name, int row) {
            missingByKey.computeIfAbsent(kind + "\u0000" + name, k -> new MissingReference(kind, name,
                    new ArrayList<>())).rows().add(row);
        }
    }

    private Analysis analyze(Meeting meeting, SheetGrid grid, Header<LedgerColumn> h, Options options) {
        Analysis a = new Analysis();
        for (LedgerColumn required : List.of(LedgerColumn.PROBLEM, LedgerColumn.MEASURE, LedgerColumn.LEADER,
                LedgerColumn.UNIT)) {
            if (!h.has(required)) {
                a.error(0, null, "import.columnMissing", required.label());
            }
        }
        if (!h.has(LedgerColumn.DEADLINE) && !h.has(LedgerColumn.TYPE)) {
            a.error(0, null, "import.columnMissing", LedgerColumn.DEADLINE.label());
        }
        if (!a.issues.isEmpty()) {
            return a;
        }
        References refs = new References(meeting, options, a);
        Existing existing = new Existing(meeting.getId());
        DeadlineParser deadlines = new DeadlineParser(meeting.getHeldOn());
        Set<String> seenInFile = new HashSet<>();
        for (Block block : blocks(grid, h, refs, a)) {
            resolve(meeting, h, block, refs, existing, deadlines, seenInFile, a);
        }
        a.missing = List.copyOf(a.missingByKey.values());
        a.issues.sort(Comparator.comparingInt(ImportIssue::row));
        return a;
    }

    /** Groups the data rows into problems; title, section, note and blank rows are left out. */
    private List<Block> blocks(SheetGrid grid, Header<LedgerColumn> h, References refs, Analysis a) {
        List<Block> blocks = new ArrayList<>();
        Map<String, Block> byIdentity = new HashMap<>();
        Block current = null;
        ProblemScope sectionScope = null;
        String sectionCategory = null;
        int problemCol = h.column(LedgerColumn.PROBLEM);
        for (int r = h.firstDataRow(); r < grid.rowCount(); r++) {
            Map<LedgerColumn, String> values = new EnumMap<>(LedgerColumn.class);
            for (Map.Entry<LedgerColumn, Integer> column : h.columns().entrySet()) {
                values.put(column.getKey(), grid.value(r, column.getValue()));
            }
            Row row = new Row(r, values);
            Set<String> distinct = new HashSet<>(values.values());
            distinct.remove("");
            if (distinct.isEmpty()) {
                continue; // a blank separator row
            }
            String only = distinct.size() == 1 ? distinct.iterator().next() : null;
            if (only != null && NOTE_ROW.matcher(only).matches() && isSpanning(grid, r, -1)) {
                continue; // a note at the bottom: 备注、填表人 …
            }
            if (only != null && isHeading(grid, r, h, only)) {
                // A section heading such as "一、班子问题" or "（二）作风方面": it applies to the rows below.
                ProblemScope scope = only.contains("班子") ? ProblemScope.TEAM
                        : only.contains("个人") ? ProblemScope.INDIVIDUAL : null;
                sectionScope = scope != null ? scope : sectionScope;
                String category = refs.categoryIn(only);
                sectionCategory = category != null ? category : sectionCategory;
                current = null;
                continue;
            }
            String problem = row.get(LedgerColumn.PROBLEM);
            String measure = row.get(LedgerColumn.MEASURE);
            SheetGrid.Region merged = grid.region(r, problemCol);
            String key = merged != null && merged.isVertical() ? "R" + merged.firstRow()
                    : problem.isEmpty() ? null : "T" + row.get(LedgerColumn.SEQ) + "\u0000" + problem;
            if (key == null) {
                if (current == null) {
                    a.error(row.excelRow(), h.label(LedgerColumn.PROBLEM), "validation.requiredField");
                    continue;
                }
                key = current.key; // a further measure of the problem above
            }
            if (current == null || !current.key.equals(key)) {
                // A problem met again further down (its measures split over unit groups, say) is the same problem.
                String identity = row.get(LedgerColumn.SEQ) + "\u0000" + (problem.isEmpty() ? key : problem);
                Block earlier = byIdentity.get(identity);
                if (earlier != null) {
                    current = new Block(key, earlier);
                } else {
                    current = new Block(key, sectionScope, sectionCategory);
                    byIdentity.put(identity, current);
                    blocks.add(current);
                }
            }
            if (measure.isEmpty()) {
                if (NOTE_ROW.matcher(problem).matches()) {
                    continue;
                }
                a.error(row.excelRow(), h.label(LedgerColumn.MEASURE), "validation.requiredField");
                a.invalidRows++;
                continue;
            }
            current.rows.add(row);
        }
        return blocks;
    }

    /**
     * A section heading: one text merged across the row, or alone outside the measure column and worded like a
     * heading ("一、…", "（二）…", "…方面", "班子问题"). A lone text in the measure column is a measure row that
     * leaves the other cells to the rows above, and is read as one.
     */
    private static boolean isHeading(SheetGrid grid, int r, Header<LedgerColumn> h, String text) {
        int measureCol = h.column(LedgerColumn.MEASURE);
        if (isSpanning(grid, r, measureCol) && wideAt(grid, r)) {
            return true;
        }
        return isSpanning(grid, r, measureCol) && HEADING.matcher(text).find();
    }

    private static final Pattern HEADING = Pattern.compile(
            "^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分类])"
                    + "|班子问题|个人问题|方面(问题)?$");

    /** A row with one filled cell (or one text merged across cells), not in {@code exceptCol}. */
    private static boolean isSpanning(SheetGrid grid, int r, int exceptCol) {
        int filled = 0;
        int at = -1;
        for (int c = 0; c < grid.columnCount(); c++) {
            if (!grid.raw(r, c).isEmpty()) {
                filled++;
                at = c;
            }
        }
        return filled == 1 && at != exceptCol;
    }

    /** The row's text is merged across several columns. */
    private static boolean wideAt(SheetGrid grid, int r) {
        for (int c = 0; c < grid.columnCount(); c++) {
            SheetGrid.Region region = grid.region(r, c);
            if (region != null && region.isWide() && region.firstCol() == c && !grid.raw(r, c).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void resolve(Meeting meeting, Header<LedgerColumn> h, Block block, References refs, Existing existing,
            DeadlineParser deadlines, Set<String> seenInFile, Analysis a) {
        if (block.rows.isEmpty()) {
            return;
        }
        Row first = block.rows.get(0);
        int row0 = first.excelRow();
        int blockStart = a.issues.size();
        String description = first.get(LedgerColumn.PROBLEM);
        Long existingProblem = existing.problem(description);

        Long categoryId = null;
        ProblemScope scope = null;
        Long memberId = null;
        ProblemSource source = options(refs).defaultSource();
        boolean problemOk = true;
        if (existingProblem == null) {
            String categoryText = first.get(LedgerColumn.CATEGORY).isEmpty() ? block.sectionCategory
                    : first.get(LedgerColumn.CATEGORY);
            categoryId = categoryText == null || categoryText.isEmpty() ? options(refs).defaultCategoryId()
                    : refs.category(categoryText, row0, h.label(LedgerColumn.CATEGORY));
            if (categoryText == null || categoryText.isEmpty()) {
                if (categoryId == null) {
                    a.error(row0, h.has(LedgerColumn.CATEGORY) ? h.label(LedgerColumn.CATEGORY)
                            : LedgerColumn.CATEGORY.label(), "import.categoryRequired");
                    problemOk = false;
                }
            }
            String sourceText = first.get(LedgerColumn.SOURCE);
            if (!sourceText.isEmpty()) {
                ProblemSource parsed = refs.source(sourceText);
                if (parsed == null) {
                    a.warn(row0, h.label(LedgerColumn.SOURCE), "import.sourceUnknown", sourceText, refs.label(source));
                } else {
                    source = parsed;
                }
            }
            String scopeText = first.get(LedgerColumn.SCOPE);
            String memberText = first.get(LedgerColumn.MEMBER);
            scope = scopeText.contains("个人") ? ProblemScope.INDIVIDUAL : scopeText.contains("班子")
                    ? ProblemScope.TEAM : block.sectionScope != null ? block.sectionScope
                    : memberText.isEmpty() ? ProblemScope.TEAM : ProblemScope.INDIVIDUAL;
            if (scope == ProblemScope.INDIVIDUAL) {
                memberId = memberText.isEmpty() ? null
                        : refs.leader(memberText, row0, h.label(LedgerColumn.MEMBER));
                if (memberText.isEmpty()) {
                    a.error(row0, h.has(LedgerColumn.MEMBER) ? h.label(LedgerColumn.MEMBER)
                            : LedgerColumn.MEMBER.label(), "problem.memberRequired");
                    problemOk = false;
                }
            }
        }

        List<ImportedMeasure> measures = new ArrayList<>();
        List<Row> measureRows = new ArrayList<>();
        Set<Row> rowsWithErrors = new HashSet<>();
        for (Row row : block.rows) {
            int before = a.issues.size();
            ImportedMeasure m = measure(meeting, h, row, refs, deadlines, a);
            boolean rowError = a.issues.subList(before, a.issues.size()).stream().anyMatch(ImportIssue::error);
            String code = row.get(LedgerColumn.CODE);
            String key = Existing.key(description, row.get(LedgerColumn.MEASURE));
            if (existing.has(code, key)) {
                a.existing++;
                a.issues.subList(before, a.issues.size()).clear(); // already imported: nothing to say about it
                continue;
            }
            if (!seenInFile.add(code.isEmpty() ? key : "CODE\u0000" + code)) {
                a.warn(row.excelRow(), h.label(LedgerColumn.MEASURE), "import.duplicateRow");
                continue;
            }
            if (rowError) {
                rowsWithErrors.add(row);
            }
            measures.add(m);
            measureRows.add(row);
        }
        if (measures.isEmpty()) {
            return;
        }
        ImportedProblem problem = new ImportedProblem(existingProblem, scope, memberId, source, categoryId,
                description, first.get(LedgerColumn.CAUSE), measures);
        // The ledger's own rules, as for a problem entered by hand; findings go to the row and column they concern.
        for (Violation v : problems.validateForImport(problem, meeting.getId())) {
            if (refs.isPendingCreation(v, measureRowOf(v, measureRows, first))) {
                continue;
            }
            Row at = measureRowOf(v, measureRows, first);
            String column = column(h, v.field());
            // A cell already reported (e.g. an unknown name) is not reported again as "required".
            boolean reported = a.issues.subList(blockStart, a.issues.size()).stream().anyMatch(i -> i.error()
                    && i.row() == at.excelRow() && java.util.Objects.equals(i.column(), column));
            if (!reported) {
                a.error(at.excelRow(), column, v.messageKey(), v.args());
            }
            if (v.index() >= 0) {
                rowsWithErrors.add(at);
            } else {
                problemOk = false;
            }
        }
        if (!problemOk) {
            a.invalidRows += measureRows.size();
            return;
        }
        List<ImportedMeasure> keep = new ArrayList<>();
        for (int i = 0; i < measureRows.size(); i++) {
            if (rowsWithErrors.contains(measureRows.get(i))) {
                a.invalidRows++;
            } else {
                keep.add(measures.get(i));
            }
        }
        if (keep.isEmpty()) {
            return;
        }
        a.valid.add(new ImportedProblem(existingProblem, scope, memberId, source, categoryId, description,
                first.get(LedgerColumn.CAUSE), keep));
        a.newProblems += existingProblem == null ? 1 : 0;
        a.newMeasures += keep.size();
    }

    private static Row measureRowOf(Violation v, List<Row> rows, Row first) {
        return v.index() >= 0 && v.index() < rows.size() ? rows.get(v.index()) : first;
    }

    /** One measure row: owners, deadline and type, and the state the sheet gives it. */
    private ImportedMeasure measure(Meeting meeting, Header<LedgerColumn> h, Row row, References refs,
            DeadlineParser deadlines, Analysis a) {
        int r = row.excelRow();
        Long unitId = refs.unit(row.get(LedgerColumn.UNIT), r, h.label(LedgerColumn.UNIT));
        Long leaderId = refs.leader(row.get(LedgerColumn.LEADER), r, h.label(LedgerColumn.LEADER));
        Long contactId = refs.contact(row.get(LedgerColumn.CONTACT), unitId, r, h.label(LedgerColumn.CONTACT));

        DeadlineParser.Deadline d = DeadlineParser.Deadline.NONE;
        String deadlineText = row.get(LedgerColumn.DEADLINE);
        try {
            d = deadlines.parse(deadlineText);
        } catch (DeadlineParser.Unreadable e) {
            a.error(r, h.label(LedgerColumn.DEADLINE), e.key(), deadlineText);
        }
        MeasureType type = d.type();
        String typeText = row.get(LedgerColumn.TYPE);
        if (!typeText.isEmpty()) {
            type = type(typeText);
            if (type == null) {
                a.error(r, h.label(LedgerColumn.TYPE), "import.typeUnknown", typeText);
            }
        }
        LocalDate deadline = d.date();
        if (type == MeasureType.LONG_TERM && deadline != null) {
            a.warn(r, h.label(LedgerColumn.DEADLINE), "import.longTermDateIgnored", deadlineText);
            deadline = null;
        } else if (type == MeasureType.IMMEDIATE && deadline == null) {
            deadline = meeting.getHeldOn(); // 即知即改: due at once
        } else if (type == null && d.isEmpty() && !deadlineText.isEmpty()) {
            type = MeasureType.PHASED;
        } else if (type == null && deadlineText.isEmpty() && typeText.isEmpty()) {
            a.error(r, h.has(LedgerColumn.DEADLINE) ? h.label(LedgerColumn.DEADLINE) : h.label(LedgerColumn.TYPE),
                    "import.deadlineRequired");
        }
        StatusParser.State state = StatusParser.parse(row.get(LedgerColumn.STATUS), row.get(LedgerColumn.PROGRESS),
                type, deadline, today.date());
        if (!state.understood()) {
            a.warn(r, h.label(LedgerColumn.STATUS), "import.statusUnknown", row.get(LedgerColumn.STATUS));
        }
        String progress = row.get(LedgerColumn.PROGRESS);
        if (progress.length() > 2000) {
            a.error(r, h.label(LedgerColumn.PROGRESS), "validation.tooLongField", 2000, progress.length());
        }
        LocalDate reported = state.completedOn() != null ? state.completedOn()
                : progress.isEmpty() && state.progress() == 0 ? null : today.date();
        String code = row.get(LedgerColumn.CODE);
        if (code.length() > 64) {
            a.error(r, h.label(LedgerColumn.CODE), "validation.tooLongField", 64, code.length());
        }
        return new ImportedMeasure(new MeasureDraft(null, null, row.get(LedgerColumn.MEASURE), leaderId, unitId,
                contactId, type, deadline), state.status(), state.progress(), progress, reported,
                state.completedOn(), d.original(), code);
    }

    private static MeasureType type(String text) {
        String t = text.replaceAll("\\s", "");
        if (t.contains("即知即改") || t.contains("立行立改") || t.contains("立即") || t.contains("立知立改")) {
            return MeasureType.IMMEDIATE;
        }
        if (t.contains("长期")) {
            return MeasureType.LONG_TERM;
        }
        if (t.contains("阶段") || t.contains("限期") || t.contains("短期") || t.contains("中期")) {
            return MeasureType.PHASED;
        }
        return null;
    }

    /** The sheet column a rule of the ledger concerns. */
    private static String column(Header<LedgerColumn> h, String field) {
        LedgerColumn c = switch (field) {
            case "description" -> LedgerColumn.PROBLEM;
            case "category" -> LedgerColumn.CATEGORY;
            case "member", "scope" -> LedgerColumn.MEMBER;
            case "source" -> LedgerColumn.SOURCE;
            case "causeAnalysis" -> LedgerColumn.CAUSE;
            case "measure.content" -> LedgerColumn.MEASURE;
            case "measure.leader" -> LedgerColumn.LEADER;
            case "measure.unit" -> LedgerColumn.UNIT;
            case "measure.contact" -> LedgerColumn.CONTACT;
            case "measure.type" -> h.has(LedgerColumn.TYPE) ? LedgerColumn.TYPE : LedgerColumn.DEADLINE;
            case "measure.deadline" -> LedgerColumn.DEADLINE;
            default -> null;
        };
        return c == null ? null : h.has(c) ? h.label(c) : c.label();
    }

    private static Options options(References refs) {
        return refs.options;
    }

    /** The portal's units, people and categories by the names a sheet uses. */
    private final class References {
        final Options options;
        final Analysis a;
        final Map<String, Category> categoryByName = new HashMap<>();
        final List<Category> categoryList;
        final Map<String, List<Unit>> unitByName = new HashMap<>();
        final Map<String, Unit> unitByCode = new HashMap<>();
        final Map<String, List<Person>> personByName = new HashMap<>();
        final Map<Long, Unit> unitById = new HashMap<>();
        /** Fields whose value the office has chosen to create: their "required" findings wait for the commit. */
        final Map<Integer, Set<String>> pending = new HashMap<>();

        References(Meeting meeting, Options options, Analysis a) {
            this.options = options;
            this.a = a;
            categoryList = categories.findAllByOrderBySortOrderAscNameAsc();
            categoryList.forEach(c -> categoryByName.put(name(c.getName()), c));
            for (Unit u : units.findAll()) {
                unitByName.computeIfAbsent(name(u.getName()), k -> new ArrayList<>()).add(u);
                unitByCode.put(u.getCode().toLowerCase(Locale.ROOT), u);
                unitById.put(u.getId(), u);
            }
            em.createQuery("select p from Person p join fetch p.unit where p.active = true", Person.class)
                    .getResultList().forEach(p -> personByName.computeIfAbsent(name(p.getName()),
                            k -> new ArrayList<>()).add(p));
        }

        /** Names as compared: no spaces, no "同志", no parenthesised post ("王建国（书记）"). */
        static String name(String text) {
            return Header.normalize(text).replace("同志", "").toLowerCase(Locale.ROOT);
        }

        private String first(String text, int row, String column) {
            String[] parts = SPLIT.split(text.strip());
            if (parts.length > 1) {
                a.warn(row, column, "import.severalNames", text, parts[0].strip());
            }
            return parts[0].strip();
        }

        Long category(String text, int row, String column) {
            Category c = categoryByName.get(name(text));
            if (c == null) {
                String named = categoryIn(text);
                c = named == null ? null : categoryByName.get(name(named));
            }
            if (c == null) {
                if (options.createMissing()) {
                    a.missing(MissingReference.Kind.CATEGORY, text.replaceAll("方面$", "").strip(), row);
                    pending(row, "category");
                } else {
                    a.error(row, column, "import.unknownCategory", text);
                }
                return null;
            }
            if (!c.isActive()) {
                a.error(row, column, "problem.categoryDisabled", c.getName());
            }
            return c.getId();
        }

        /** The category a heading or a longer text names ("（二）作风方面" → 作风), the longest name first. */
        String categoryIn(String text) {
            String t = name(text);
            return categoryList.stream().map(Category::getName).filter(n -> t.contains(name(n)))
                    .max(Comparator.comparingInt(String::length)).orElse(null);
        }

        ProblemSource source(String text) {
            String t = name(text);
            for (ProblemSource s : ProblemSource.values()) {
                for (String part : label(s).split("[/／]")) {
                    String p = name(part);
                    if (t.contains(p) || p.contains(t) && t.length() >= 2) {
                        return s;
                    }
                }
            }
            return null;
        }

        String label(ProblemSource s) {
            return SOURCE_LABELS.get(s);
        }

        Long unit(String text, int row, String column) {
            if (text.isEmpty()) {
                return null; // the ledger's rule says it is required
            }
            String name = first(text, row, column);
            List<Unit> found = unitByName.getOrDefault(name(name), List.of());
            Unit u = found.size() == 1 ? found.get(0) : unitByCode.get(name.toLowerCase(Locale.ROOT));
            if (found.size() > 1) {
                a.error(row, column, "import.ambiguousUnit", name);
                return null;
            }
            if (u == null) {
                if (options.createMissing()) {
                    a.missing(MissingReference.Kind.UNIT, name, row);
                    pending(row, "measure.unit");
                } else {
                    a.error(row, column, "import.unknownUnit", name);
                }
                return null;
            }
            return u.getId();
        }

        Long leader(String text, int row, String column) {
            if (text.isEmpty()) {
                return null;
            }
            String name = first(text, row, column);
            List<Person> found = personByName.getOrDefault(name(name), List.of()).stream()
                    .filter(Person::isCommitteeMember).toList();
            if (found.size() > 1) {
                a.error(row, column, "import.ambiguousPerson", name);
                return null;
            }
            if (found.isEmpty()) {
                if (!personByName.getOrDefault(name(name), List.of()).isEmpty()) {
                    a.error(row, column, "import.notCommittee", name);
                } else if (options.createMissing()) {
                    a.missing(MissingReference.Kind.LEADER, name, row);
                    pending(row, "measure.leader");
                    pending(row, "member");
                } else {
                    a.error(row, column, "import.unknownLeader", name);
                }
                return null;
            }
            return found.get(0).getId();
        }

        /** A contact is optional: one the portal does not know is left empty, with a warning. */
        Long contact(String text, Long unitId, int row, String column) {
            if (text.isEmpty()) {
                return null;
            }
            String name = first(text, row, column);
            Unit unit = unitId == null ? null : unitById.get(unitId);
            List<Person> found = personByName.getOrDefault(name(name), List.of()).stream()
                    .filter(p -> unit == null || p.getUnit().getPath().startsWith(unit.getPath())).toList();
            if (found.size() != 1) {
                a.warn(row, column, "import.contactUnknown", name);
                return null;
            }
            return found.get(0).getId();
        }

        private void pending(int row, String field) {
            pending.computeIfAbsent(row, k -> new HashSet<>()).add(field);
        }

        boolean isPendingCreation(Violation v, Row at) {
            return pending.getOrDefault(at.excelRow(), Set.of()).contains(v.field());
        }
    }

    /** The labels offices write in 问题来源, as the Chinese messages give them. */
    private static final Map<ProblemSource, String> SOURCE_LABELS = Map.of(
            ProblemSource.STUDY, "学习研讨/学习",
            ProblemSource.PARTY_RULES, "对照党章党规/党章党规",
            ProblemSource.RESEARCH, "调研发现/调研",
            ProblemSource.MASS_FEEDBACK, "群众反映/征求意见",
            ProblemSource.HEART_TO_HEART_TALK, "谈心谈话",
            ProblemSource.INSPECTION, "巡视巡察/巡视/巡察",
            ProblemSource.CADRE_EVALUATION, "干部考察/工作考核/考核",
            ProblemSource.AUDIT, "经济责任审计/审计",
            ProblemSource.CARRIED_OVER, "上年度/未整改到位",
            ProblemSource.SPECIAL_CAMPAIGN, "专项整治");

    /** What the meeting's ledger already holds, to skip rows imported before. */
    private final class Existing {
        final Map<String, Long> problemByText = new HashMap<>();
        final Set<String> keys = new HashSet<>();
        final Set<String> codes = new HashSet<>();

        Existing(long meetingId) {
            em.createQuery("select p.id, p.description from Problem p where p.meeting.id = :id", Object[].class)
                    .setParameter("id", meetingId).getResultList()
                    .forEach(r -> problemByText.putIfAbsent(text((String) r[1]), (Long) r[0]));
            em.createQuery("""
                            select p.description, m.content, m.itemCode from Measure m join m.problem p
                            where p.meeting.id = :id""", Object[].class)
                    .setParameter("id", meetingId).getResultList().forEach(r -> {
                        keys.add(key((String) r[0], (String) r[1]));
                        if (r[2] != null) {
                            codes.add(((String) r[2]).strip());
                        }
                    });
        }

        static String text(String s) {
            return s == null ? "" : s.replaceAll("\\s+", "");
        }

        static String key(String problem, String measure) {
            return text(problem) + "\u0000" + text(measure);
        }

        Long problem(String description) {
            return problemByText.get(text(description));
        }

        boolean has(String code, String key) {
            return !code.isEmpty() ? codes.contains(code.strip()) : keys.contains(key);
        }
    }

    private Meeting meeting(long id) {
        return meetings.findById(id).orElseThrow(() -> new InvalidActionException("meeting.notFound"));
    }

    private void checkSize(Path file) {
        try {
            if (java.nio.file.Files.size(file) > maxSize.toBytes()) {
                throw new TransferException("import.file.tooLarge", maxSize.toMegabytes() + "MB");
            }
        } catch (java.io.IOException e) {
            throw new TransferException("import.file.unreadable");
        }
    }

    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }
}
