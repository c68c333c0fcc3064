package org.rectify.org;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectify.base.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Units and people: the small reference tables every filter and form chooses from. */
@Service
@Transactional(readOnly = true)
public class OrgService {

    private final UnitRepository units;
    private final PersonRepository people;

    public OrgService(UnitRepository units, PersonRepository people) {
        this.units = units;
        this.people = people;
    }

    /** All units depth-first, siblings by their sort order: the order of a paper ledger's unit list. */
    public List<Unit> unitsInTreeOrder() {
        List<Unit> all = units.findAll();
        Map<Long, List<Unit>> children = new LinkedHashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit u : all) {
            if (u.getParent() == null) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.getParent().getId(), k -> new ArrayList<>()).add(u);
            }
        }
        Comparator<Unit> bySort = Comparator.comparingInt(Unit::getSortOrder).thenComparing(Unit::getName);
        List<Unit> ordered = new ArrayList<>(all.size());
        roots.sort(bySort);
        for (Unit root : roots) {
            addDepthFirst(root, children, bySort, ordered);
        }
        return ordered;
    }

    private static void addDepthFirst(Unit unit, Map<Long, List<Unit>> children, Comparator<Unit> order,
            List<Unit> out) {
        out.add(unit);
        List<Unit> kids = children.getOrDefault(unit.getId(), new ArrayList<>());
        kids.sort(order);
        for (Unit kid : kids) {
            addDepthFirst(kid, children, order, out);
        }
    }

    /** The units a picker offers for new entries: the active ones, in tree order. */
    public List<Unit> activeUnitsInTreeOrder() {
        return unitsInTreeOrder().stream().filter(Unit::isActive).toList();
    }

    public Optional<Unit> findUnit(long id) {
        return units.findById(id);
    }

    /** Committee members (班子成员) who can be a measure's responsible leader. */
    public List<Person> leaders() {
        return people.findByCommitteeMemberTrueAndActiveTrueOrderByPositionAscNameAsc();
    }

    /** A page of active committee members whose name contains {@code text}, in the same order. */
    public List<Person> leaders(String text, int offset, int limit) {
        return people.findLeaders(Texts.strip(text),
                org.springframework.data.domain.PageRequest.of(offset / Math.max(1, limit), Math.max(1, limit)));
    }

    public Optional<Person> findLeader(long id) {
        return people.findById(id).filter(p -> p.isCommitteeMember() && p.isActive());
    }

    /** Everyone active, e.g. to choose a unit's contact person. */
    public List<Person> people() {
        return people.findByActiveTrueOrderByNameAsc();
    }

    public Optional<Person> findPerson(long id) {
        return people.findById(id);
    }
}
