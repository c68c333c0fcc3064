package org.rectify.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import org.rectify.base.NotAllowedException;
import org.rectify.base.Texts;
import org.rectify.base.Violation;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.org.UnitRepository;
import org.rectify.orgadmin.PeopleService;
import org.rectify.orgadmin.PeopleService.PersonDraft;
import org.rectify.orgadmin.UnitAdminService;
import org.rectify.orgadmin.UnitAdminService.UnitDraft;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Units and people from the lists an office keeps in Excel (one sheet each, in any order in the workbook), with the
 * same preview and rules as the ledger import: every finding by row and column, all or nothing unless the valid
 * rows only are chosen. A unit is matched by its code (or, without one, its name), a person by name and unit, so a
 * list imported twice updates rather than duplicates.
 */
@Service
public class OrgImportService {

    /** The units sheet's columns. */
    public enum UnitColumn {
        NAME("单位名称", "单位", "名称", "机构名称", "部门名称", "党组织名称"),
        CODE("单位编码", "编码", "代码", "单位代码"),
        PARENT("上级单位", "上级", "隶属单位", "上级党组织", "所属单位"),
        KIND("单位类型", "类型", "组织类型"),
        ORDER("排序", "顺序", "序号");

        private final List<String> names;

        UnitColumn(String... names) {
            this.names = List.of(names);
        }

        public String label() {
            return names.get(0);
        }

        private static final Map<UnitColumn, List<String>> SYNONYMS = new LinkedHashMap<>();

        static {
            for (UnitColumn c : values()) {
                SYNONYMS.put(c, c.names);
            }
        }

        static UnitColumn of(String header) {
            return Header.lookup(header, SYNONYMS);
        }
    }

    /** The people sheet's columns. */
    public enum PersonColumn {
        NAME("姓名", "人员姓名"),
        UNIT("所在单位", "单位", "部门", "所在部门", "所在党组织"),
        POSITION("职务", "岗位", "职位", "党内职务"),
        COMMITTEE("班子成员", "是否班子成员", "是否为班子成员"),
        EMAIL("邮箱", "电子邮箱", "邮件地址", "email"),
        PHONE("手机", "手机号码", "电话", "联系电话", "手机号");

        private final List<String> names;

        PersonColumn(String... names) {
            this.names = List.of(names);
        }

        public String label() {
            return names.get(0);
        }

        private static final Map<PersonColumn, List<String>> SYNONYMS = new LinkedHashMap<>();

        static {
            for (PersonColumn c : values()) {
                SYNONYMS.put(c, c.names);
            }
        }

        static PersonColumn of(String header) {
            return Header.lookup(header, SYNONYMS);
        }
    }

    private final UnitRepository units;
    private final PersonRepository people;
    private final UnitAdminService unitAdmin;
    private final PeopleService peopleAdmin;
    private final CurrentUser currentUser;
    private final int maxRows;
    private final DataSize maxSize;

    public OrgImportService(UnitRepository units, PersonRepository people, UnitAdminService unitAdmin,
            PeopleService peopleAdmin, CurrentUser currentUser,
            @Value("${rectify.import.max-rows:20000}") int maxRows,
            @Value("${rectify.import.max-size:20MB}") DataSize maxSize) {
        this.units = units;
        this.people = people;
        this.unitAdmin = unitAdmin;
        this.peopleAdmin = peopleAdmin;
        this.currentUser = currentUser;
        this.maxRows = maxRows;
        this.maxSize = maxSize;
    }

    /** A unit row, resolved: new or existing, with its parent (an existing unit or another row's). */
    record UnitRow(int row, String name, String code, String parentRef, UnitKind kind, Integer order,
                   Unit existing) {
    }

    record PersonRow(int row, String name, String unitRef, Position position, boolean committee, String email,
                     String phone, Person existing) {
    }

    /** What the import would do. */
    public static final class Preview {
        final List<UnitRow> unitRows = new ArrayList<>();
        final List<PersonRow> personRows = new ArrayList<>();
        final List<ImportIssue> issues = new ArrayList<>();
        final java.util.Set<Integer> badUnitRows = new java.util.HashSet<>();
        final java.util.Set<Integer> badPersonRows = new java.util.HashSet<>();
        String unitSheet;
        String personSheet;
        Header<UnitColumn> unitColumns;
        Header<PersonColumn> personColumns;
        int newUnits;
        int changedUnits;
        int newPeople;
        int changedPeople;
        int unchanged;

        public List<ImportIssue> issues() {
            return issues;
        }

        public boolean hasErrors() {
            return issues.stream().anyMatch(ImportIssue::error);
        }

        public int newUnits() {
            return newUnits;
        }

        public int changedUnits() {
            return changedUnits;
        }

        public int newPeople() {
            return newPeople;
        }

        public int changedPeople() {
            return changedPeople;
        }

        public int unchanged() {
            return unchanged;
        }

        public int workUnits() {
            return newUnits + changedUnits + newPeople + changedPeople;
        }

        /** What the sheet said, before it was checked against the portal: checked again at the commit. */
        private List<UnitRow> readUnits = List.of();
        private List<PersonRow> readPeople = List.of();
        private List<ImportIssue> readIssues = List.of();
        private java.util.Set<Integer> readBadUnits = java.util.Set.of();
        private java.util.Set<Integer> readBadPeople = java.util.Set.of();

        void keepAsRead() {
            readUnits = List.copyOf(unitRows);
            readPeople = List.copyOf(personRows);
            readIssues = List.copyOf(issues);
            readBadUnits = java.util.Set.copyOf(badUnitRows);
            readBadPeople = java.util.Set.copyOf(badPersonRows);
        }

        /** The same sheet, to be checked again against the portal as it is now. */
        Preview asRead() {
            Preview fresh = new Preview();
            fresh.unitSheet = unitSheet;
            fresh.personSheet = personSheet;
            fresh.unitColumns = unitColumns;
            fresh.personColumns = personColumns;
            fresh.unitRows.addAll(readUnits);
            fresh.personRows.addAll(readPeople);
            fresh.issues.addAll(readIssues);
            fresh.badUnitRows.addAll(readBadUnits);
            fresh.badPersonRows.addAll(readBadPeople);
            fresh.keepAsRead();
            return fresh;
        }

        void unitError(int row, String column, String key, Object... args) {
            issues.add(new ImportIssue(unitSheet, row, column, true, key, args));
            badUnitRows.add(row);
        }

        void personError(int row, String column, String key, Object... args) {
            issues.add(new ImportIssue(personSheet, row, column, true, key, args));
            badPersonRows.add(row);
        }
    }

    public record Result(int units, int people, int unchanged, int skipped) {
    }

    public long maxBytes() {
        return maxSize.toBytes();
    }

    @Transactional(readOnly = true)
    public Preview preview(Path file) {
        requireOffice();
        try {
            if (Files.size(file) > maxSize.toBytes()) {
                throw new TransferException("import.file.tooLarge", maxSize.toMegabytes() + "MB");
            }
        } catch (java.io.IOException e) {
            throw new TransferException("import.file.unreadable");
        }
        List<SheetGrid> sheets = WorkbookReader.read(file, maxRows);
        Preview p = new Preview();
        for (SheetGrid grid : sheets) {
            Header<PersonColumn> ph = Header.find(grid, PersonColumn.class, PersonColumn::of, 2,
                    Set.of(PersonColumn.NAME));
            if (ph != null && ph.has(PersonColumn.UNIT) && p.personSheet == null) {
                p.personSheet = grid.name();
                p.personColumns = ph;
                readPeople(grid, ph, p);
                continue;
            }
            Header<UnitColumn> uh = Header.find(grid, UnitColumn.class, UnitColumn::of, 2, Set.of(UnitColumn.NAME));
            if (uh != null && p.unitSheet == null && (uh.has(UnitColumn.CODE) || uh.has(UnitColumn.PARENT))) {
                p.unitSheet = grid.name();
                p.unitColumns = uh;
                readUnits(grid, uh, p);
            }
        }
        if (p.unitSheet == null && p.personSheet == null) {
            throw new TransferException("import.noHeader", String.join("、", UnitColumn.NAME.label(),
                    UnitColumn.CODE.label(), PersonColumn.NAME.label(), PersonColumn.UNIT.label()));
        }
        p.keepAsRead();
        check(p);
        p.issues.sort(Comparator.comparing((ImportIssue i) -> Objects.equals(i.sheet(), p.personSheet))
                .thenComparingInt(ImportIssue::row));
        return p;
    }

    private static String cell(SheetGrid g, int row, int col) {
        return col < 0 ? "" : g.value(row, col);
    }

    private void readUnits(SheetGrid g, Header<UnitColumn> h, Preview p) {
        for (int r = h.firstDataRow(); r < g.rowCount(); r++) {
            String name = cell(g, r, h.column(UnitColumn.NAME));
            if (name.isEmpty() && g.isBlank(r)) {
                continue;
            }
            int row = r + 1;
            String code = cell(g, r, h.column(UnitColumn.CODE));
            String kindText = cell(g, r, h.column(UnitColumn.KIND));
            UnitKind kind = kind(kindText, name);
            if (kind == null) {
                p.unitError(row, h.label(UnitColumn.KIND), "import.org.kindUnknown", kindText);
            }
            Integer order = null;
            String orderText = cell(g, r, h.column(UnitColumn.ORDER));
            if (!orderText.isEmpty()) {
                try {
                    order = (int) Double.parseDouble(orderText);
                } catch (NumberFormatException e) {
                    p.unitError(row, h.label(UnitColumn.ORDER), "import.org.notANumber", orderText);
                }
            }
            if (name.isEmpty()) {
                p.unitError(row, h.label(UnitColumn.NAME), "validation.requiredField");
                continue;
            }
            p.unitRows.add(new UnitRow(row, name, code, cell(g, r, h.column(UnitColumn.PARENT)), kind, order, null));
        }
    }

    private void readPeople(SheetGrid g, Header<PersonColumn> h, Preview p) {
        for (int r = h.firstDataRow(); r < g.rowCount(); r++) {
            String name = cell(g, r, h.column(PersonColumn.NAME));
            if (name.isEmpty() && g.isBlank(r)) {
                continue;
            }
            int row = r + 1;
            String positionText = cell(g, r, h.column(PersonColumn.POSITION));
            Position position = position(positionText);
            if (position == null) {
                p.personError(row, h.label(PersonColumn.POSITION), "import.org.positionUnknown", positionText);
            }
            String committeeText = cell(g, r, h.column(PersonColumn.COMMITTEE));
            boolean committee = committeeText.isEmpty() ? position != null && position.isLeadership()
                    : committeeText.startsWith("是") || committeeText.equalsIgnoreCase("y")
                    || committeeText.equalsIgnoreCase("yes") || committeeText.equals("1");
            p.personRows.add(new PersonRow(row, name, cell(g, r, h.column(PersonColumn.UNIT)), position, committee,
                    cell(g, r, h.column(PersonColumn.EMAIL)), cell(g, r, h.column(PersonColumn.PHONE)), null));
        }
    }

    /** Resolves units and parents (existing, or earlier or later rows), then people and their units. */
    private void check(Preview p) {
        Map<String, Unit> byCode = new HashMap<>();
        Map<String, List<Unit>> byName = new HashMap<>();
        for (Unit u : units.findAll()) {
            byCode.put(u.getCode().toLowerCase(Locale.ROOT), u);
            byName.computeIfAbsent(Header.normalize(u.getName()), k -> new ArrayList<>()).add(u);
        }
        Map<String, UnitRow> rowsByRef = new HashMap<>();
        List<UnitRow> resolved = new ArrayList<>();
        for (UnitRow r : p.unitRows) {
            Unit existing = !r.code().isEmpty() ? byCode.get(r.code().toLowerCase(Locale.ROOT))
                    : single(byName.get(Header.normalize(r.name())));
            UnitRow row = new UnitRow(r.row(), r.name(), r.code(), r.parentRef(), r.kind(), r.order(), existing);
            resolved.add(row);
            rowsByRef.putIfAbsent(Header.normalize(r.name()), row);
            if (!r.code().isEmpty()) {
                rowsByRef.putIfAbsent(r.code().toLowerCase(Locale.ROOT), row);
            }
        }
        p.unitRows.clear();
        p.unitRows.addAll(resolved);
        for (UnitRow r : p.unitRows) {
            if (p.badUnitRows.contains(r.row())) {
                continue;
            }
            String column = p.unitColumns.label(UnitColumn.PARENT);
            if (!r.parentRef().isEmpty() && parentOf(r, byCode, byName, rowsByRef) == null) {
                p.unitError(r.row(), column, "import.org.unknownParent", r.parentRef());
            } else if (cycles(r, byCode, byName, rowsByRef)) {
                p.unitError(r.row(), column, "unit.parentInside");
            } else if (!r.code().isEmpty() && !r.code().matches("[A-Za-z0-9._-]+")) {
                p.unitError(r.row(), p.unitColumns.label(UnitColumn.CODE), "unit.codePattern");
            } else if (r.name().length() > 100) {
                p.unitError(r.row(), p.unitColumns.label(UnitColumn.NAME), "validation.tooLongField", 100,
                        r.name().length());
            } else if (r.existing() == null) {
                p.newUnits++;
            } else if (changed(r, byCode, byName, rowsByRef)) {
                p.changedUnits++;
            } else {
                p.unchanged++;
            }
        }
        Map<String, List<Person>> personByName = new HashMap<>();
        people.findAll().forEach(x -> personByName.computeIfAbsent(Header.normalize(x.getName()),
                k -> new ArrayList<>()).add(x));
        List<PersonRow> persons = new ArrayList<>();
        for (PersonRow r : p.personRows) {
            Unit unit = unitRef(r.unitRef(), byCode, byName);
            UnitRow unitRow = unit == null ? rowsByRef.get(ref(r.unitRef())) : null;
            Person existing = unit == null ? null : personByName.getOrDefault(Header.normalize(r.name()),
                    List.of()).stream().filter(x -> x.getUnit().getId().equals(unit.getId())).findFirst()
                    .orElse(null);
            PersonRow row = new PersonRow(r.row(), r.name(), r.unitRef(), r.position(), r.committee(), r.email(),
                    r.phone(), existing);
            persons.add(row);
            if (p.badPersonRows.contains(r.row())) {
                continue;
            }
            String unitColumn = p.personColumns.label(PersonColumn.UNIT);
            if (r.unitRef().isEmpty()) {
                p.personError(r.row(), unitColumn, "validation.requiredField");
                continue;
            }
            if (unit == null && (unitRow == null || p.badUnitRows.contains(unitRow.row()))) {
                p.personError(r.row(), unitColumn, "import.unknownUnit", r.unitRef());
                continue;
            }
            // The rules of the people form; a unit still to be created by this import is checked as its row is.
            Long unitId = unit != null ? unit.getId() : anyActiveUnitId();
            for (Violation v : peopleAdmin.validate(draft(row, unitId))) {
                p.personError(r.row(), personColumn(p.personColumns, v.field()), v.messageKey(), v.args());
            }
            if (p.badPersonRows.contains(r.row())) {
                continue;
            }
            if (existing == null) {
                p.newPeople++;
            } else if (!same(existing, row)) {
                p.changedPeople++;
            } else {
                p.unchanged++;
            }
        }
        p.personRows.clear();
        p.personRows.addAll(persons);
    }

    private static String personColumn(Header<PersonColumn> h, String field) {
        PersonColumn c = switch (field) {
            case "name" -> PersonColumn.NAME;
            case "email" -> PersonColumn.EMAIL;
            case "phone" -> PersonColumn.PHONE;
            case "unit" -> PersonColumn.UNIT;
            case "position" -> PersonColumn.POSITION;
            default -> null;
        };
        return c == null ? null : h.has(c) ? h.label(c) : c.label();
    }

    private static boolean same(Person p, PersonRow r) {
        return Objects.equals(p.getEmail(), Texts.orNull(r.email())) && Objects.equals(p.getPhone(),
                Texts.orNull(r.phone())) && p.getPosition() == r.position() && p.isCommitteeMember() == r.committee();
    }

    private static PersonDraft draft(PersonRow r, Long unitId) {
        return new PersonDraft(r.name(), r.email(), r.phone(), unitId, r.position(), r.committee());
    }

    private static String ref(String text) {
        return text.matches("[A-Za-z0-9._-]+") ? text.toLowerCase(Locale.ROOT) : Header.normalize(text);
    }

    private static Unit single(List<Unit> list) {
        return list != null && list.size() == 1 ? list.get(0) : null;
    }

    private static Unit unitRef(String text, Map<String, Unit> byCode, Map<String, List<Unit>> byName) {
        if (text.isEmpty()) {
            return null;
        }
        Unit u = byCode.get(text.toLowerCase(Locale.ROOT));
        return u != null ? u : single(byName.get(Header.normalize(text)));
    }

    /** The parent a row names: an existing unit, or another row of the sheet. */
    private static Object parentOf(UnitRow r, Map<String, Unit> byCode, Map<String, List<Unit>> byName,
            Map<String, UnitRow> rows) {
        if (r.parentRef().isEmpty()) {
            return null;
        }
        UnitRow row = rows.get(ref(r.parentRef()));
        if (row != null) {
            return row;
        }
        return unitRef(r.parentRef(), byCode, byName);
    }

    /** A row whose parents lead back to itself. */
    private static boolean cycles(UnitRow start, Map<String, Unit> byCode, Map<String, List<Unit>> byName,
            Map<String, UnitRow> rows) {
        UnitRow r = start;
        for (int steps = 0; steps < rows.size() + 1; steps++) {
            Object parent = parentOf(r, byCode, byName, rows);
            if (!(parent instanceof UnitRow next)) {
                return false;
            }
            if (next == start) {
                return true;
            }
            r = next;
        }
        return true;
    }

    private static boolean changed(UnitRow r, Map<String, Unit> byCode, Map<String, List<Unit>> byName,
            Map<String, UnitRow> rows) {
        Unit u = r.existing();
        Object parent = parentOf(r, byCode, byName, rows);
        Long parentId = parent instanceof Unit pu ? pu.getId() : parent instanceof UnitRow pr
                && pr.existing() != null ? pr.existing().getId() : null;
        Long current = u.getParent() == null ? null : u.getParent().getId();
        return !u.getName().equals(r.name()) || r.kind() != u.getKind()
                || !r.parentRef().isEmpty() && !Objects.equals(parentId, current)
                || r.order() != null && r.order() != u.getSortOrder();
    }

    static UnitKind kind(String text, String name) {
        String t = text.replaceAll("\\s", "");
        if (t.isEmpty()) {
            return name.endsWith("党总支") ? UnitKind.GENERAL_BRANCH : name.endsWith("支部") ? UnitKind.BRANCH
                    : name.endsWith("党委") ? UnitKind.COMMITTEE : name.endsWith("党组") ? UnitKind.LEADING_GROUP
                    : UnitKind.DEPARTMENT;
        }
        if (t.contains("党总支") || t.contains("总支")) {
            return UnitKind.GENERAL_BRANCH;
        }
        if (t.contains("支部")) {
            return UnitKind.BRANCH;
        }
        if (t.contains("党委")) {
            return UnitKind.COMMITTEE;
        }
        if (t.contains("党组")) {
            return UnitKind.LEADING_GROUP;
        }
        if (t.contains("科") || t.contains("部门") || t.contains("处") || t.contains("室")) {
            return UnitKind.DEPARTMENT;
        }
        return null;
    }

    static Position position(String text) {
        String t = text.replaceAll("\\s", "");
        if (t.isEmpty()) {
            return Position.STAFF;
        }
        if (t.contains("副书记")) {
            return Position.DEPUTY_SECRETARY;
        }
        if (t.contains("书记")) {
            return Position.SECRETARY;
        }
        if (t.contains("委员")) {
            return Position.COMMITTEE_MEMBER;
        }
        if (t.contains("联络员")) {
            return Position.LIAISON;
        }
        if (t.contains("负责人") || t.contains("科长") || t.contains("主任") || t.contains("部长")
                || t.contains("处长")) {
            return Position.UNIT_HEAD;
        }
        if (t.equals("党员")) {
            return Position.PARTY_MEMBER;
        }
        if (t.contains("工作人员") || t.contains("科员") || t.contains("干部")) {
            return Position.STAFF;
        }
        return null;
    }

    /** Creates and updates what the preview showed, units first (parents before children), then people. */
    @Transactional
    public Result commit(Preview previewed, boolean validRowsOnly, IntConsumer progress) {
        requireOffice();
        // Checked again against the portal as it is now: a unit or person changed since the preview is seen.
        Preview p = previewed.asRead();
        check(p);
        if (p.hasErrors() && !validRowsOnly) {
            throw new TransferException("import.hasErrors", p.issues.stream().filter(ImportIssue::error).count());
        }
        Map<UnitRow, Unit> saved = new HashMap<>();
        int done = 0;
        int unitCount = 0;
        List<UnitRow> pendingRows = new ArrayList<>(p.unitRows.stream()
                .filter(r -> !p.badUnitRows.contains(r.row())).toList());
        Map<String, UnitRow> rowsByRef = new HashMap<>();
        for (UnitRow r : pendingRows) {
            rowsByRef.putIfAbsent(Header.normalize(r.name()), r);
            if (!r.code().isEmpty()) {
                rowsByRef.putIfAbsent(r.code().toLowerCase(Locale.ROOT), r);
            }
        }
        // Parents first: a row waits until the row it names as parent is saved.
        while (!pendingRows.isEmpty()) {
            boolean progressMade = false;
            for (java.util.Iterator<UnitRow> it = pendingRows.iterator(); it.hasNext(); ) {
                UnitRow r = it.next();
                UnitRow parentRow = r.parentRef().isEmpty() ? null : rowsByRef.get(ref(r.parentRef()));
                if (parentRow != null && parentRow != r && !saved.containsKey(parentRow)) {
                    continue;
                }
                Long parentId = parentRow != null ? saved.get(parentRow).getId()
                        : r.parentRef().isEmpty() ? (r.existing() == null || r.existing().getParent() == null ? null
                        : r.existing().getParent().getId())
                        : unitRefNow(r.parentRef()).getId();
                String code = r.code().isEmpty() ? (r.existing() != null ? r.existing().getCode() : nextCode())
                        : r.code();
                UnitDraft draft = new UnitDraft(r.name(), code, r.kind(), parentId);
                Unit unit;
                if (r.existing() == null) {
                    unit = unitAdmin.create(draft);
                    unitCount++;
                } else {
                    Unit current = units.findById(r.existing().getId()).orElseThrow();
                    boolean moved = !Objects.equals(parentId, current.getParent() == null ? null
                            : current.getParent().getId());
                    boolean edited = !current.getName().equals(r.name()) || current.getKind() != r.kind() || moved;
                    unit = edited ? unitAdmin.update(current.getId(), current.getVersion(), draft) : current;
                    unitCount += edited ? 1 : 0;
                }
                if (r.order() != null && unit.getSortOrder() != r.order()) {
                    unit.setSortOrder(r.order());
                }
                saved.put(r, unit);
                it.remove();
                progressMade = true;
                progress.accept(++done);
            }
            if (!progressMade) {
                break; // cycles were reported in the preview
            }
        }
        int personCount = 0;
        int unchanged = 0;
        for (PersonRow r : p.personRows) {
            if (p.badPersonRows.contains(r.row())) {
                continue;
            }
            // A unit this import just saved is found by the row that made it, even where its name is not unique.
            UnitRow madeBy = rowsByRef.get(ref(r.unitRef()));
            Unit unit = madeBy != null && saved.containsKey(madeBy) ? saved.get(madeBy) : unitRefNow(r.unitRef());
            if (unit == null) {
                throw new TransferException("import.unknownUnit", r.unitRef());
            }
            if (r.existing() == null) {
                peopleAdmin.create(draft(r, unit.getId()));
                personCount++;
            } else if (!same(r.existing(), r)) {
                Person current = people.findById(r.existing().getId()).orElseThrow();
                peopleAdmin.update(current.getId(), current.getVersion(), draft(r, unit.getId()));
                personCount++;
            } else {
                unchanged++;
            }
            progress.accept(++done);
        }
        int skipped = p.badUnitRows.size() + p.badPersonRows.size();
        return new Result(unitCount, personCount, unchanged, skipped);
    }

    private Unit unitRefNow(String ref) {
        Map<String, Unit> byCode = new HashMap<>();
        Map<String, List<Unit>> byName = new HashMap<>();
        for (Unit u : units.findAll()) {
            byCode.put(u.getCode().toLowerCase(Locale.ROOT), u);
            byName.computeIfAbsent(Header.normalize(u.getName()), k -> new ArrayList<>()).add(u);
        }
        return unitRef(ref, byCode, byName);
    }

    private String nextCode() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        units.findAll().forEach(u -> codes.add(u.getCode().toLowerCase(Locale.ROOT)));
        int i = codes.size() + 1;
        while (codes.contains("u" + i)) {
            i++;
        }
        return "U" + i;
    }

    private Long anyActiveUnitId() {
        return units.findAll().stream().filter(Unit::isActive).map(Unit::getId).findFirst().orElse(null);
    }

    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }

}
