package org.rectify.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rectify.base.RectifyProperties;
import org.rectify.base.Today;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingRepository;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.Unit;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.rectify.base.NotAllowedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rectification ledger (整改台账). The ledger page, and later the dashboard and the reminder mails, ask
 * this service, so that a filter, a group total and "overdue" mean the same thing on every screen.
 */
@Service
@Transactional(readOnly = true)
public class LedgerService {

    private final LedgerQueries queries;
    private final OrgService org;
    private final CategoryRepository categories;
    private final MeetingRepository meetings;
    private final Today today;
    private final RectifyProperties properties;
    private final CurrentUser currentUser;
    private final LedgerAccess access;
    private final LedgerHistory history;

    @PersistenceContext
    private EntityManager em;

    public LedgerService(LedgerQueries queries, OrgService org, CategoryRepository categories,
            MeetingRepository meetings, Today today, RectifyProperties properties, CurrentUser currentUser,
            LedgerAccess access, LedgerHistory history) {
        this.history = history;
        this.queries = queries;
        this.org = org;
        this.categories = categories;
        this.meetings = meetings;
        this.today = today;
        this.properties = properties;
        this.currentUser = currentUser;
        this.access = access;
    }

    /**
     * One page of ledger rows matching the filter, optionally only those of one group.
     *
     * @param group restrict to this group's rows, or {@code null} for all
     */
    public List<Measure> find(LedgerFilter filter, LedgerGroup group, int offset, int limit, List<LedgerSort> sort) {
        return queries.page(query(filter, group), offset, limit, sort, -1);
    }

    /**
     * One page, when the caller already knows how many rows match (from {@link #overview}): a page in the second
     * half is then read from the end.
     */
    public List<Measure> find(LedgerFilter filter, LedgerGroup group, int offset, int limit, List<LedgerSort> sort,
            long matching) {
        return queries.page(query(filter, group), offset, limit, sort, matching);
    }

    /** What the ledger shows above and beside its rows: the totals and the groups, read together. */
    public record Overview(LedgerTotals totals, List<LedgerGroup> groups) {
    }

    public Overview overview(LedgerFilter filter, LedgerGrouping grouping) {
        return new Overview(totals(filter), groups(filter, grouping));
    }

    /**
     * An item the reminder mails name, with its leader and contact, and which of the reminders' rules it meets
     * (overdue, due within the window, stale): the same rules as the ledger's filters.
     */
    public record ReminderItem(long measureId, String content, String problem, String unit, LocalDate deadline,
                               long leaderId, String leaderName, String leaderEmail, Long contactId,
                               String contactName, String contactEmail, boolean overdue, boolean dueSoon,
                               boolean stale) {
    }

    /**
     * Every item any reminder mail of today names, for all recipients at once, in deadline order (then the
     * ledger's): one query where a digest per person and section would be thousands.
     */
    public List<ReminderItem> reminderItems(int dueSoonWindow) {
        LocalDate day = today.date();
        int period = properties.longTermPeriodDays();
        return queries.reminderRows(query(new LedgerFilter(), null), dueSoonWindow).stream().map(t -> {
            MeasureStatus status = t.get(6, MeasureStatus.class);
            LocalDate deadline = t.get(4, LocalDate.class);
            return new ReminderItem(t.get(0, Long.class), t.get(1, String.class), t.get(2, String.class),
                    t.get(3, String.class), deadline, t.get(9, Long.class), t.get(10, String.class),
                    t.get(11, String.class), t.get(12, Long.class), t.get(13, String.class), t.get(14, String.class),
                    MeasureRules.isOverdue(status, deadline, day),
                    MeasureRules.isDueWithin(status, deadline, day, dueSoonWindow),
                    MeasureRules.isStale(t.get(5, MeasureType.class), status, t.get(7, LocalDate.class),
                            t.get(8, LocalDate.class), t.get(15, LocalDate.class), day, period));
        }).toList();
    }

    /** Overdue items in the actor's scope: one count over the status and deadline index. */
    public long overdueCount() {
        return queries.count(query(new LedgerFilter().setOverdueOnly(true), null));
    }

    public long count(LedgerFilter filter, LedgerGroup group) {
        return queries.count(query(filter, group));
    }

    /** Totals of everything the filter matches: all, closed, overdue, due soon, stale, at risk. */
    public LedgerTotals totals(LedgerFilter filter) {
        LedgerQueries.Totals t = queries.totals(query(filter, null), properties.dueSoonDays());
        return new LedgerTotals(t.total(), t.closed(), t.open(), t.overdue(), t.dueSoon(), t.stale(), t.atRisk(),
                t.carried());
    }

    /** The totals and, from the same grouped statement, the figures per type: what the dashboard shows. */
    public record TotalsWithTypes(LedgerTotals totals, List<TypeTotals> byType) {
    }

    public TotalsWithTypes totalsWithTypes(LedgerFilter filter) {
        Map<MeasureType, LedgerQueries.Totals> perType = queries.totalsByType(query(filter, null),
                properties.dueSoonDays());
        long[] sum = new long[8];
        perType.values().forEach(t -> {
            long[] v = {t.total(), t.closed(), t.open(), t.overdue(), t.dueSoon(), t.stale(), t.atRisk(), t.carried()};
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        });
        List<TypeTotals> byType = java.util.Arrays.stream(MeasureType.values()).map(type -> {
            LedgerQueries.Totals t = perType.get(type);
            return t == null ? new TypeTotals(type, 0, 0, 0) : new TypeTotals(type, t.total(), t.closed(), t.carried());
        }).toList();
        return new TotalsWithTypes(new LedgerTotals(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7]),
                byType);
    }

    /** Per rectification type (即知即改 / 阶段性整改 / 长期整改): all and closed, in the type's order. */
    public List<TypeTotals> totalsByType(LedgerFilter filter) {
        Map<MeasureType, LedgerQueries.TypeCount> counts = queries.countByType(query(filter, null)).stream()
                .collect(Collectors.toMap(LedgerQueries.TypeCount::type, Function.identity()));
        return java.util.Arrays.stream(MeasureType.values())
                .map(t -> counts.getOrDefault(t, new LedgerQueries.TypeCount(t, 0, 0, 0)))
                .map(c -> new TypeTotals(c.type(), c.total(), c.closed(), c.carried()))
                .toList();
    }

    public record TypeTotals(MeasureType type, long total, long closed, long carried) {
        /** Still to be worked on: neither closed nor carried over. */
        public long open() {
            return total - closed - carried;
        }
    }

    /** Matching measures per status, every status present (zero where none). */
    public Map<MeasureStatus, Long> countByStatus(LedgerFilter filter) {
        Map<MeasureStatus, Long> counts = new java.util.EnumMap<>(MeasureStatus.class);
        for (MeasureStatus s : MeasureStatus.values()) {
            counts.put(s, 0L);
        }
        queries.countByStatus(query(filter, null)).forEach(r -> counts.put((MeasureStatus) r[0],
                ((Number) r[1]).longValue()));
        return counts;
    }

    /** Problems (not measures) with matching measures, per scope, and how many of them are fully closed. */
    public record ProblemTotals(long team, long individual, long teamClosed, long individualClosed) {
        public long total() {
            return team + individual;
        }
    }

    public ProblemTotals problemTotals(LedgerFilter filter) {
        long[] c = new long[4];
        for (Object[] r : queries.problemsByScope(query(filter, null))) {
            int i = r[0] == ProblemScope.TEAM ? 0 : 1;
            long all = ((Number) r[1]).longValue();
            c[i] = all;
            c[i + 2] = all - ((Number) r[2]).longValue();
        }
        return new ProblemTotals(c[0], c[1], c[2], c[3]);
    }

    /**
     * Problems (not measures) by type and state: a problem is of the type of its longest measure (长期 over 阶段性
     * over 即知即改) and done when all its measures are closed. The words of seed 002 count these:
     * "已整改即知即改类问题X个，正在落实阶段性整改问题X个、长期整改问题X个".
     */
    public record ProblemTypeTotals(long immediateDone, long immediateOpen, long phasedDone, long phasedOpen,
                                    long longTermDone, long longTermOpen) {

        static ProblemTypeTotals of(List<Object[]> rows) {
            long[] c = new long[6];
            for (Object[] r : rows) {
                int rank = ((Number) r[0]).intValue();
                boolean open = ((Number) r[1]).intValue() > 0;
                c[(rank - 1) * 2 + (open ? 1 : 0)] += ((Number) r[2]).longValue();
            }
            return new ProblemTypeTotals(c[0], c[1], c[2], c[3], c[4], c[5]);
        }

        public long longTerm() {
            return longTermDone + longTermOpen;
        }

        public long total() {
            return immediateDone + immediateOpen + phasedDone + phasedOpen + longTermDone + longTermOpen;
        }
    }

    public ProblemTypeTotals problemTypeTotals(LedgerFilter filter) {
        return ProblemTypeTotals.of(queries.problemsByType(query(filter, null)));
    }

    /** What was done about an overdue item: an urging or an extension, on its day. */
    public record Action(LocalDate on, EventKind kind, String note, String by, LocalDate newDeadline) {
    }

    public record UnitLine(long unitId, String unit, long total, long closed, long carried, long overdue) {
        public long open() {
            return total - closed - carried;
        }
    }

    public record OverdueLine(long measureId, int problemSeqNo, String content, String unit, String leader,
                              LocalDate deadline, LocalDate originalDeadline, long daysOverdue, List<Action> actions) {
    }

    public record ProblemLine(int seqNo, ProblemScope scope, String member, String category, String description,
                              long measures, long closed, long carried, long overdue) {
        public boolean done() {
            return measures > 0 && closed == measures;
        }
    }

    /**
     * A meeting's ledger as it stood at the end of {@code asOf} (today or any past day), read from the history so
     * that a report regenerated later for the same day says the same: every count, the per-unit lines, the overdue
     * items with what was done about them, and every problem with its state. The office and leaders only.
     */
    public record MeetingSnapshot(LocalDate asOf, long revision, long measures, long closed, long carried,
                                 long overdue, List<TypeTotals> byType, ProblemTypeTotals problemTypes,
                                 long teamProblems, long individualProblems, List<UnitLine> units,
                                 List<OverdueLine> overdueItems, List<ProblemLine> problems) {
        public long open() {
            return measures - closed - carried;
        }

        public int completionPercent() {
            return measures == 0 ? 0 : (int) (closed * 100 / measures);
        }

        public long problemCount() {
            return teamProblems + individualProblems;
        }
    }

    /**
     * The first day the portal knows the meeting's ledger on (when its first problem was entered or imported):
     * before it, a snapshot would show nothing, not the past.
     */
    public Optional<LocalDate> historyStarts(long meetingId) {
        return history.firstDay(meetingId, properties.timeZone());
    }

    public MeetingSnapshot snapshot(long meetingId, LocalDate asOf) {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.LEADER)) {
            throw new NotAllowedException("access.officeOrLeader");
        }
        long rev = history.revisionAt(asOf, properties.timeZone());
        long[] t = history.totals(meetingId, rev, asOf);
        Map<MeasureType, long[]> types = new java.util.EnumMap<>(MeasureType.class);
        history.byType(meetingId, rev).forEach(r -> types.put(MeasureType.valueOf((String) r[0]),
                new long[] {LedgerHistory.n(r[1]), LedgerHistory.n(r[2]), LedgerHistory.n(r[3])}));
        List<TypeTotals> byType = java.util.Arrays.stream(MeasureType.values()).map(type -> {
            long[] c = types.getOrDefault(type, new long[3]);
            return new TypeTotals(type, c[0], c[1], c[2]);
        }).toList();
        long team = 0;
        long individual = 0;
        for (Object[] r : history.problemsByScope(meetingId, rev)) {
            if (ProblemScope.TEAM.name().equals(r[0])) {
                team = LedgerHistory.n(r[1]);
            } else {
                individual = LedgerHistory.n(r[1]);
            }
        }
        List<Object[]> unitRows = history.byUnit(meetingId, rev, asOf);
        List<Object[]> overdueRows = history.overdue(meetingId, rev, asOf);
        List<Object[]> problemRows = history.problems(meetingId, rev, asOf);
        java.util.Set<Long> unitIds = new java.util.HashSet<>();
        java.util.Set<Long> personIds = new java.util.HashSet<>();
        java.util.Set<Long> categoryIds = new java.util.HashSet<>();
        unitRows.forEach(r -> unitIds.add(LedgerHistory.n(r[0])));
        overdueRows.forEach(r -> {
            unitIds.add(LedgerHistory.n(r[3]));
            personIds.add(LedgerHistory.n(r[4]));
        });
        problemRows.forEach(r -> {
            if (r[3] != null) {
                personIds.add(LedgerHistory.n(r[3]));
            }
            categoryIds.add(LedgerHistory.n(r[4]));
        });
        Map<Long, String> unitNames = history.names("org_unit", unitIds, rev);
        Map<Long, String> personNames = history.names("person", personIds, rev);
        Map<Long, String> categoryNames = history.names("category", categoryIds, rev);

        Map<Long, Integer> treeOrder = new java.util.HashMap<>();
        List<Unit> tree = org.unitsInTreeOrder();
        for (int i = 0; i < tree.size(); i++) {
            treeOrder.put(tree.get(i).getId(), i);
        }
        List<UnitLine> units = unitRows.stream().map(r -> new UnitLine(LedgerHistory.n(r[0]),
                        unitNames.get(LedgerHistory.n(r[0])), LedgerHistory.n(r[1]), LedgerHistory.n(r[2]),
                        LedgerHistory.n(r[3]), LedgerHistory.n(r[4])))
                .sorted(java.util.Comparator.comparingInt(u -> treeOrder.getOrDefault(u.unitId(), Integer.MAX_VALUE)))
                .toList();

        List<Long> overdueIds = overdueRows.stream().map(r -> LedgerHistory.n(r[0])).toList();
        Map<Long, List<Action>> actions = new java.util.HashMap<>();
        for (Object[] r : history.actions(overdueIds, asOf.plusDays(1).atStartOfDay())) {
            actions.computeIfAbsent(LedgerHistory.n(r[0]), k -> new ArrayList<>()).add(new Action(
                    LedgerHistory.date(r[1]), EventKind.valueOf((String) r[2]), (String) r[3], (String) r[4],
                    LedgerHistory.date(r[5])));
        }
        List<OverdueLine> overdue = overdueRows.stream().map(r -> {
            LocalDate deadline = LedgerHistory.date(r[5]);
            return new OverdueLine(LedgerHistory.n(r[0]), (int) LedgerHistory.n(r[1]), (String) r[2],
                    unitNames.get(LedgerHistory.n(r[3])), personNames.get(LedgerHistory.n(r[4])), deadline,
                    LedgerHistory.date(r[6]), java.time.temporal.ChronoUnit.DAYS.between(deadline, asOf),
                    actions.getOrDefault(LedgerHistory.n(r[0]), List.of()));
        }).toList();
        List<ProblemLine> problems = problemRows.stream().map(r -> new ProblemLine((int) LedgerHistory.n(r[1]),
                ProblemScope.valueOf((String) r[2]), r[3] == null ? null : personNames.get(LedgerHistory.n(r[3])),
                categoryNames.get(LedgerHistory.n(r[4])), (String) r[5], LedgerHistory.n(r[6]),
                LedgerHistory.n(r[7]), LedgerHistory.n(r[8]), LedgerHistory.n(r[9]))).toList();
        return new MeetingSnapshot(asOf, rev, t[0], t[1], t[2], t[3], byType,
                ProblemTypeTotals.of(history.problemsByType(meetingId, rev)), team, individual, units, overdue,
                problems);
    }

    /** The ids of every row the filter (and group) matches, in the ledger's order: what an export walks through. */
    public List<Long> allIds(LedgerFilter filter, LedgerGroup group, List<LedgerSort> sort) {
        return queries.ids(query(filter, group), 0, -1, sort, -1);
    }

    /** The rows of these ids (a page of an export), in the given order; refused outside the actor's scope. */
    public List<Measure> rows(List<Long> ids) {
        Actor actor = currentUser.require();
        List<Measure> rows = queries.byIds(ids);
        rows.forEach(m -> access.checkCanSee(actor, m));
        return rows;
    }

    /** A meeting's problems with category and member, in their order: the 检视问题清单. Office and leaders. */
    public List<Problem> problemsOf(long meetingId) {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.LEADER)) {
            throw new NotAllowedException("access.officeOrLeader");
        }
        return em.createQuery("""
                        select p from Problem p join fetch p.category left join fetch p.member
                        where p.meeting.id = :id order by p.scope, p.seqNo""", Problem.class)
                .setParameter("id", meetingId).getResultList();
    }

    /** Matching measures per responsible leader (person id → count). */
    public Map<Long, Long> measuresPerLeader(LedgerFilter filter) {
        return queries.countPerLeader(query(filter, null));
    }

    /** The responsible leaders of the matching measures. */
    public List<Person> leadersOf(LedgerFilter filter) {
        return queries.distinctPeople(query(filter, null), "leader");
    }

    /** The contact persons named on the matching measures. */
    public List<Person> contactsOf(LedgerFilter filter) {
        return queries.distinctPeople(query(filter, null), "contact");
    }

    /** Matching measures per deadline day (only those with a deadline). */
    public java.util.SortedMap<LocalDate, Long> countByDeadline(LedgerFilter filter) {
        return byDay(filter, "deadline");
    }

    /** Matching closed measures per completion day. */
    public java.util.SortedMap<LocalDate, Long> countByCompletion(LedgerFilter filter) {
        return byDay(filter, "completedOn");
    }

    private java.util.SortedMap<LocalDate, Long> byDay(LedgerFilter filter, String field) {
        java.util.SortedMap<LocalDate, Long> days = new java.util.TreeMap<>();
        queries.countByDay(query(filter, null), field).forEach(d -> days.put(d.day(), d.count()));
        return days;
    }

    /** The groups that have matching rows, each with its totals, in the ledger's order (unit tree / category). */
    public List<LedgerGroup> groups(LedgerFilter filter, LedgerGrouping grouping) {
        if (grouping == LedgerGrouping.NONE) {
            return List.of();
        }
        Map<Long, LedgerQueries.GroupCount> counts = queries.countByGroup(query(filter, null), grouping).stream()
                .collect(Collectors.toMap(LedgerQueries.GroupCount::key, Function.identity()));
        List<LedgerGroup> groups = new ArrayList<>();
        inGroupOrder(grouping, (id, label) -> {
            LedgerQueries.GroupCount c = counts.get(id);
            if (c != null) {
                groups.add(new LedgerGroup(grouping, id, label, c.total(), c.closed(), c.overdue(), c.carried()));
            }
        });
        return groups;
    }

    /** A group's size: how many items the filter matches in it. */
    public record GroupTotal(long key, String label, long total) {
    }

    /**
     * Only the number of items per group, in the same order as {@link #groups}: for a chart of sizes, a third of the
     * work of the full figures at 100,000 items.
     */
    public List<GroupTotal> groupTotals(LedgerFilter filter, LedgerGrouping grouping) {
        if (grouping == LedgerGrouping.NONE) {
            return List.of();
        }
        Map<Long, Long> totals = queries.totalByGroup(query(filter, null), grouping);
        List<GroupTotal> result = new ArrayList<>();
        inGroupOrder(grouping, (id, label) -> {
            Long total = totals.get(id);
            if (total != null) {
                result.add(new GroupTotal(id, label, total));
            }
        });
        return result;
    }

    /** The groups of a grouping in the order the ledger shows them: the unit tree, newest meeting, category order. */
    private void inGroupOrder(LedgerGrouping grouping, BiConsumer<Long, String> each) {
        if (grouping == LedgerGrouping.UNIT) {
            for (Unit u : org.unitsInTreeOrder()) {
                each.accept(u.getId(), u.getName());
            }
        } else if (grouping == LedgerGrouping.MEETING) {
            for (Meeting meeting : meetings.findAllByOrderByHeldOnDesc()) {
                each.accept(meeting.getId(), meeting.getTitle());
            }
        } else {
            for (Category c : categories.findAllByOrderBySortOrderAscNameAsc()) {
                each.accept(c.getId(), c.getName());
            }
        }
    }

    /**
     * One bar of the dashboard's unit chart: a unit of the level shown with everything of its sub-units, or the
     * level's own items ({@code own}).
     *
     * @param hasSubUnits the bar can be opened one level further down
     */
    public record UnitRollup(long unitId, String unit, boolean own, boolean hasSubUnits, long total, long closed,
                             long overdue, long carried) {
        public long open() {
            return total - closed - carried;
        }
    }

    /**
     * The matching items by unit, one level of the unit tree at a time, so that 200 units read as the 20-odd
     * departments that answer for them: the level is the selected unit, else the contact's own unit, else the
     * single top unit; each bar is a unit directly below it with its whole subtree, plus the level's own items.
     * The counts are the per-unit GROUP BY of the ledger's groups, rolled up along the tree here (a few hundred
     * rows at most).
     */
    public List<UnitRollup> unitRollup(LedgerFilter filter) {
        LedgerQueries.Query q = query(filter, null);
        List<Unit> tree = org.unitsInTreeOrder();
        Unit level = null;
        String levelPath = filter.getUnitId() != null ? q.unitPath() : q.scopePath();
        if (levelPath != null) {
            level = tree.stream().filter(u -> u.getPath().equals(levelPath)).findFirst().orElse(null);
        } else {
            List<Unit> roots = tree.stream().filter(u -> u.getParent() == null).toList();
            level = roots.size() == 1 ? roots.get(0) : null;
        }
        Long levelId = level == null ? null : level.getId();
        List<Unit> below = tree.stream().filter(u -> java.util.Objects.equals(
                u.getParent() == null ? null : u.getParent().getId(), levelId)).toList();
        java.util.Set<Long> parents = new java.util.HashSet<>();
        tree.forEach(u -> {
            if (u.getParent() != null) {
                parents.add(u.getParent().getId());
            }
        });
        Map<Long, String> paths = tree.stream().collect(Collectors.toMap(Unit::getId, Unit::getPath));
        Map<Long, long[]> sums = new java.util.LinkedHashMap<>();
        for (LedgerQueries.GroupCount c : queries.countByGroup(q, LedgerGrouping.UNIT)) {
            String path = paths.getOrDefault(c.key(), "");
            Long bar = levelId != null && c.key() == levelId ? levelId : below.stream()
                    .filter(u -> path.startsWith(u.getPath())).map(Unit::getId).findFirst().orElse(null);
            if (bar != null) {
                long[] s = sums.computeIfAbsent(bar, k -> new long[4]);
                s[0] += c.total();
                s[1] += c.closed();
                s[2] += c.overdue();
                s[3] += c.carried();
            }
        }
        List<UnitRollup> bars = new ArrayList<>();
        if (level != null && sums.containsKey(levelId)) {
            long[] s = sums.get(levelId);
            bars.add(new UnitRollup(levelId, level.getName(), true, false, s[0], s[1], s[2], s[3]));
        }
        for (Unit u : below) {
            long[] s = sums.get(u.getId());
            if (s != null) {
                bars.add(new UnitRollup(u.getId(), u.getName(), false, parents.contains(u.getId()), s[0], s[1],
                        s[2], s[3]));
            }
        }
        return bars;
    }

    /**
     * The item's problem with all of its measures, or empty if there is no such measure. Refused when the item
     * lies outside the actor's scope.
     */
    public Optional<MeasureDetail> detail(long measureId) {
        Actor actor = currentUser.require();
        List<Problem> found = em.createQuery("""
                        select distinct p from Problem p
                        join fetch p.meeting join fetch p.category left join fetch p.member
                        left join fetch p.measures ms left join fetch ms.unit left join fetch ms.leader
                        left join fetch ms.contact
                        where p.id = (select m.problem.id from Measure m where m.id = :id)""", Problem.class)
                .setParameter("id", measureId)
                .getResultList();
        Optional<MeasureDetail> detail = found.stream().findFirst().flatMap(p -> p.getMeasures().stream()
                .filter(m -> m.getId() == measureId).findFirst()
                .map(m -> new MeasureDetail(p, m)));
        detail.ifPresent(d -> access.checkCanSee(actor, d.measure()));
        if (detail.isEmpty() && access.scopePath(actor) != null) {
            // A user limited to a unit hears the same for a missing id as for another unit's item.
            throw access.unavailable(measureId);
        }
        return detail.map(d -> new MeasureDetail(d.problem(), d.measure(), d.problem().getMeasures().stream()
                .filter(m -> access.canSee(actor, m)).toList()));
    }

    /**
     * The other end of a carry-over (上年度未整改到位), for a link: a measure to open, its meeting and its
     * problem's number.
     */
    public record CarryLink(long measureId, String meeting, int problemSeqNo) {
    }

    /** The measure of an earlier meeting this problem continues, if it was carried over. */
    public Optional<CarryLink> carriedFrom(Problem p) {
        access.scopePath(currentUser.require()); // members see no ledger, not even its links
        return em.createQuery("""
                        select m.id, mt.title, op.seqNo from Problem p join p.carriedFrom m join m.problem op
                        join op.meeting mt where p.id = :id""", Object[].class)
                .setParameter("id", p.getId()).getResultList().stream().findFirst()
                .map(r -> new CarryLink((Long) r[0], (String) r[1], (Integer) r[2]));
    }

    /** For each of these measures that was carried over: where it continues (the new problem's first measure). */
    public Map<Long, CarryLink> carriedTo(List<Measure> measures) {
        access.scopePath(currentUser.require());
        List<Long> ids = measures.stream().filter(m -> m.getStatus() == MeasureStatus.CARRIED_OVER)
                .map(Measure::getId).toList();
        Map<Long, CarryLink> links = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return links;
        }
        em.createQuery("""
                        select p.carriedFrom.id, min(m.id), mt.title, p.seqNo from Problem p join p.measures m
                        join p.meeting mt where p.carriedFrom.id in :ids
                        group by p.carriedFrom.id, mt.title, p.seqNo""", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> links.put((Long) r[0], new CarryLink((Long) r[1], (String) r[2], (Integer) r[3])));
        return links;
    }

    /** The latest meeting (the current rectification campaign), if any. */
    public Optional<Long> latestMeetingId() {
        return meetings.findAllByOrderByHeldOnDesc().stream().findFirst().map(Meeting::getId);
    }

    /** The choices the ledger's filters offer; a contact chooses among their own units only. */
    public FilterOptions filterOptions() {
        String scope = access.scopePath(currentUser.require());
        List<Meeting> ms = meetings.findAllByOrderByHeldOnDesc();
        List<Unit> units = org.unitsInTreeOrder().stream()
                .filter(u -> scope == null || u.getPath().startsWith(scope)).toList();
        return new FilterOptions(ms, meetings.findYears(), units, categories.findAllByOrderBySortOrderAscNameAsc(),
                id -> org.findLeader(id).isPresent());
    }

    /**
     * Responsible leaders whose name contains {@code text}, a page at a time: a large organization has well over a
     * thousand, and a filter that loaded them all would hold them in every open ledger.
     */
    public List<Person> leaders(String text, int offset, int limit) {
        return org.leaders(text, offset, limit);
    }

    public Optional<Person> leader(long id) {
        return org.findLeader(id);
    }

    /*
     * The rules below are pure and called for every cell of a grid: without a transaction of their own, each call
     * would cost the database an empty one (SET autocommit, COMMIT).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public LocalDate today() {
        return today.date();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean isOverdue(Measure m) {
        return MeasureRules.isOverdue(m, today.date());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean isDueSoon(Measure m) {
        return MeasureRules.isDueWithin(m, today.date(), properties.dueSoonDays());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean isAtRisk(Measure m) {
        return MeasureRules.isAtRisk(m, today.date());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean isStale(Measure m) {
        return MeasureRules.isStale(m, today.date(), properties.longTermPeriodDays());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public int dueSoonDays() {
        return properties.dueSoonDays();
    }

    private LedgerQueries.Query query(LedgerFilter filter, LedgerGroup group) {
        String scopePath = access.scopePath(currentUser.require());
        String unitPath = null;
        if (filter.getUnitId() != null) {
            // An unknown unit matches nothing rather than everything.
            unitPath = org.findUnit(filter.getUnitId()).map(Unit::getPath).orElse("/none/");
        }
        return new LedgerQueries.Query(filter, scopePath, unitPath, group == null ? null : group.grouping(),
                group == null ? null : group.key(), today.date(), properties.longTermPeriodDays());
    }

    /**
     * @param open    still to be worked on (未销号): counted with {@link MeasureRules#open}, the predicate of the
     *                ledger's "open" filter, so a card showing this number opens a ledger with exactly this many rows
     * @param carried carried over into the next meeting's ledger (已转入下年度): neither closed nor open here
     */
    public record LedgerTotals(long total, long closed, long open, long overdue, long dueSoon, long stale,
                               long atRisk, long carried) {

        /** Share of closed items in percent, rounded down; 0 for an empty ledger. */
        public int completionPercent() {
            return total == 0 ? 0 : (int) (closed * 100 / total);
        }
    }

    /**
     * A ledger item in context: its problem (with meeting, category, member) and the problem's measures the actor
     * may see; measures of units outside a contact's scope are only counted.
     */
    public record MeasureDetail(Problem problem, Measure measure, List<Measure> visibleMeasures) {

        MeasureDetail(Problem problem, Measure measure) {
            this(problem, measure, problem.getMeasures());
        }

        public int hiddenMeasures() {
            return problem.getMeasures().size() - visibleMeasures.size();
        }
    }

    /** @param isLeader whether an id (from a link) names a responsible leader; the list itself is paged */
    public record FilterOptions(List<Meeting> meetings, List<Integer> years, List<Unit> units,
                                List<Category> categories, java.util.function.LongPredicate isLeader) {
    }
}
