package org.rectify.orgadmin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rectify.base.InvalidActionException;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.StaleDataException;
import org.rectify.base.Texts;
import org.rectify.base.Violation;
import org.rectify.org.OrgService;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.org.UnitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组织机构: the office builds and keeps the unit tree — create, rename, move under another parent, reorder,
 * disable. A unit that has items, people, meetings or logins is never deleted, only disabled: it then leaves the
 * pickers and keeps its history.
 */
@Service
@Transactional
public class UnitAdminService {

    static final int MAX_NAME = 100;
    static final int MAX_CODE = 40;

    private final UnitRepository units;
    private final OrgService org;
    private final OfficeOnly office;

    @PersistenceContext
    private EntityManager em;

    public UnitAdminService(UnitRepository units, OrgService org, OfficeOnly office) {
        this.units = units;
        this.org = org;
        this.office = office;
    }

    /** What the form sends; {@code parentId} empty for a top-level organization. */
    public record UnitDraft(String name, String code, UnitKind kind, Long parentId) {
    }

    /** A unit in the tree with what hangs on it: its measures (all and open), people and sub-units. */
    public record UnitNode(Unit unit, long measures, long openMeasures, long people, List<UnitNode> children) {
    }

    /** The whole tree, each unit with its counts (one GROUP BY per count, whatever the size). */
    @Transactional(readOnly = true)
    public List<UnitNode> tree() {
        office.require();
        Map<Long, long[]> counts = counts();
        Map<Long, List<Unit>> byParent = new HashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit u : org.unitsInTreeOrder()) {
            if (u.getParent() == null) {
                roots.add(u);
            } else {
                byParent.computeIfAbsent(u.getParent().getId(), k -> new ArrayList<>()).add(u);
            }
        }
        return roots.stream().map(u -> node(u, byParent, counts)).toList();
    }

    private static UnitNode node(Unit u, Map<Long, List<Unit>> byParent, Map<Long, long[]> counts) {
        long[] c = counts.getOrDefault(u.getId(), new long[3]);
        List<UnitNode> kids = byParent.getOrDefault(u.getId(), List.of()).stream()
                .map(k -> node(k, byParent, counts)).toList();
        return new UnitNode(u, c[0], c[1], c[2], kids);
    }

    /** Per unit: measures, open measures, people. */
    private Map<Long, long[]> counts() {
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery("""
                        select m.unit.id, count(m),
                               sum(case when m.status not in ('CLOSED', 'CARRIED_OVER') then 1 else 0 end)
                        from Measure m group by m.unit.id""", Object[].class).getResultList()) {
            long[] c = counts.computeIfAbsent((Long) row[0], k -> new long[3]);
            c[0] = ((Number) row[1]).longValue();
            c[1] = row[2] == null ? 0 : ((Number) row[2]).longValue();
        }
        for (Object[] row : em.createQuery("select p.unit.id, count(p) from Person p group by p.unit.id",
                Object[].class).getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new long[3])[2] = ((Number) row[1]).longValue();
        }
        return counts;
    }

    /** Every rule a draft must keep; {@code id} is the unit being edited, or null for a new one. */
    @Transactional(readOnly = true)
    public List<Violation> validate(Long id, UnitDraft d) {
        office.require();
        List<Violation> v = new ArrayList<>();
        Texts.check(v, "name", -1, d.name(), true, MAX_NAME);
        Texts.check(v, "code", -1, d.code(), true, MAX_CODE);
        String code = Texts.strip(d.code());
        if (!code.isEmpty() && !code.matches("[A-Za-z0-9._-]+")) {
            v.add(new Violation("code", "unit.codePattern"));
        }
        if (!code.isEmpty() && units.findAll().stream().anyMatch(u -> !u.getId().equals(id)
                && u.getCode().toLowerCase(Locale.ROOT).equals(code.toLowerCase(Locale.ROOT)))) {
            v.add(new Violation("code", "unit.codeTaken", code));
        }
        if (d.kind() == null) {
            v.add(new Violation("kind", "validation.requiredField"));
        }
        if (d.parentId() != null) {
            Unit parent = units.findById(d.parentId()).orElse(null);
            if (parent == null || !parent.isActive()) {
                v.add(new Violation("parent", "unit.parentUnavailable"));
            } else if (id != null && parent.getPath().contains("/" + id + "/")) {
                v.add(new Violation("parent", "unit.parentInside"));
            }
        }
        return v;
    }

    public Unit create(UnitDraft d) {
        check(null, d);
        Unit parent = d.parentId() == null ? null : units.findById(d.parentId()).orElseThrow();
        Unit unit = units.saveAndFlush(new Unit(Texts.strip(d.name()), Texts.strip(d.code()), d.kind(), parent,
                nextSortOrder(parent)));
        unit.updatePath();
        return unit;
    }

    /** Renames, re-codes, changes the kind and, when the parent changed, moves the unit with its whole subtree. */
    public Unit update(long id, int version, UnitDraft d) {
        Unit unit = load(id, version);
        check(id, d);
        unit.edit(Texts.strip(d.name()), Texts.strip(d.code()), d.kind());
        Long oldParent = unit.getParent() == null ? null : unit.getParent().getId();
        if (!java.util.Objects.equals(oldParent, d.parentId())) {
            Unit parent = d.parentId() == null ? null : units.findById(d.parentId()).orElseThrow();
            unit.moveUnder(parent);
            unit.setSortOrder(nextSortOrder(parent));
            unit.updatePath();
            // The materialized path of every unit below changes with it.
            repathInTreeOrder(unit);
        }
        return unit;
    }

    /** Paths must be set parents first: walk the subtree from the moved unit down. */
    private void repathInTreeOrder(Unit top) {
        List<Unit> all = units.findAll();
        List<Unit> level = List.of(top);
        while (!level.isEmpty()) {
            List<Unit> next = new ArrayList<>();
            for (Unit parent : level) {
                for (Unit u : all) {
                    if (u.getParent() != null && u.getParent().getId().equals(parent.getId())) {
                        u.updatePath();
                        next.add(u);
                    }
                }
            }
            level = next;
        }
    }

    /** Swaps the unit with its previous ({@code up}) or next sibling. */
    public void move(long id, boolean up) {
        office.require();
        Unit unit = units.findById(id).orElseThrow(() -> new InvalidActionException("unit.notFound"));
        List<Unit> siblings = siblings(unit.getParent());
        int i = siblings.indexOf(unit);
        int j = up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= siblings.size()) {
            return;
        }
        // Renumber the whole sibling list so equal sort orders (e.g. from an import) cannot block a swap.
        siblings.add(j, siblings.remove(i));
        for (int k = 0; k < siblings.size(); k++) {
            siblings.get(k).setSortOrder((k + 1) * 10);
        }
    }

    /** Disables or re-enables a unit. A unit is disabled with its sub-units already disabled. */
    public Unit setActive(long id, int version, boolean active) {
        Unit unit = load(id, version);
        if (!active && children(unit).stream().anyMatch(Unit::isActive)) {
            throw new InvalidActionException("unit.activeChildren", unit.getName());
        }
        if (active && unit.getParent() != null && !unit.getParent().isActive()) {
            throw new InvalidActionException("unit.parentDisabled", unit.getParent().getName());
        }
        unit.setActive(active);
        return unit;
    }

    /** Deletes a unit nothing refers to (a mistake just made); anything else is disabled instead. */
    public void delete(long id, int version) {
        Unit unit = load(id, version);
        long refs = count("select count(m) from Measure m where m.unit.id = :id", id)
                + count("select count(p) from Person p where p.unit.id = :id", id)
                + count("select count(m) from Meeting m where m.organization.id = :id", id)
                + count("select count(a) from UserAccount a where a.unit.id = :id", id)
                + count("select count(u) from Unit u where u.parent.id = :id", id);
        if (refs > 0) {
            throw new InvalidActionException("unit.inUse", unit.getName());
        }
        units.delete(unit);
    }

    private long count(String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    private List<Unit> children(Unit parent) {
        return units.findAll().stream().filter(u -> u.getParent() != null
                && u.getParent().getId().equals(parent.getId())).toList();
    }

    private List<Unit> siblings(Unit parent) {
        return new ArrayList<>(units.findAll().stream()
                .filter(u -> parent == null ? u.getParent() == null
                        : u.getParent() != null && u.getParent().getId().equals(parent.getId()))
                .sorted(java.util.Comparator.comparingInt(Unit::getSortOrder).thenComparing(Unit::getName))
                .toList());
    }

    private int nextSortOrder(Unit parent) {
        return siblings(parent).stream().mapToInt(Unit::getSortOrder).max().orElse(0) + 10;
    }

    private Unit load(long id, int version) {
        office.require();
        Unit unit = units.findById(id).orElseThrow(() -> new InvalidActionException("unit.notFound"));
        if (unit.getVersion() != version) {
            throw new StaleDataException();
        }
        return unit;
    }

    private void check(Long id, UnitDraft d) {
        List<Violation> v = validate(id, d);
        if (!v.isEmpty()) {
            throw new InvalidDraftException(v);
        }
    }
}
