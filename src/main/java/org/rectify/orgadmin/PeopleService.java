package org.rectify.orgadmin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
import org.rectify.ledger.ProblemService;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitRepository;
import org.rectify.security.UserAccount;
import org.rectify.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人员: the office keeps the people the ledger names — committee members, unit heads, contacts. A person with
 * open items leaves only after choosing who takes them over; that hand-over, the deactivation and the end of their
 * logins happen in one transaction.
 */
@Service
@Transactional
public class PeopleService {

    static final int MAX_NAME = 50;
    static final int MAX_EMAIL = 200;
    static final int MAX_PHONE = 40;
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final PersonRepository people;
    private final UnitRepository units;
    private final ProblemService problems;
    private final UserService users;
    private final OfficeOnly office;

    @PersistenceContext
    private EntityManager em;

    public PeopleService(PersonRepository people, UnitRepository units, ProblemService problems, UserService users,
            OfficeOnly office) {
        this.people = people;
        this.units = units;
        this.problems = problems;
        this.users = users;
        this.office = office;
    }

    public record PersonDraft(String name, String email, String phone, Long unitId, Position position,
                              boolean committeeMember) {
    }

    /**
     * The people list's filter: text over name, mail and phone; a unit with its sub-units; a position; whether to
     * include inactive people and whether only those without a login.
     */
    public record PeopleQuery(String text, Long unitId, Position position, boolean includeInactive,
                              boolean withoutLogin) {

        public PeopleQuery(String text, Long unitId, boolean includeInactive) {
            this(text, unitId, null, includeInactive, false);
        }
    }

    /** A person in the list, with their login (if any) and how many open items they hold. */
    public record PersonRow(Person person, UserAccount login, long openItems) {
    }

    /** One page of people, in unit-tree order then by name; three queries whatever the page size. */
    @Transactional(readOnly = true)
    public List<PersonRow> find(PeopleQuery q, int offset, int limit) {
        office.require();
        List<Person> page = query(q, Person.class, "select p from Person p join fetch p.unit u",
                " order by u.path, p.name, p.id").setFirstResult(offset).setMaxResults(limit).getResultList();
        List<Long> ids = page.stream().map(Person::getId).toList();
        Map<Long, Long> open = openItems(ids);
        Map<Long, UserAccount> logins = users.loginsOf(ids);
        return page.stream().map(p -> new PersonRow(p, logins.get(p.getId()), open.getOrDefault(p.getId(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    public long count(PeopleQuery q) {
        office.require();
        return query(q, Long.class, "select count(p) from Person p join p.unit u", "").getSingleResult();
    }

    private <T> TypedQuery<T> query(PeopleQuery q, Class<T> type, String select, String order) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!q.includeInactive()) {
            where.append(" and p.active = true");
        }
        String text = Texts.orNull(q.text());
        if (text != null) {
            where.append(" and (lower(p.name) like :t or lower(p.email) like :t or p.phone like :t)");
            params.put("t", "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (q.position() != null) {
            where.append(" and p.position = :position");
            params.put("position", q.position());
        }
        if (q.withoutLogin()) {
            where.append(" and not exists (select a from UserAccount a where a.person = p)");
        }
        if (q.unitId() != null) {
            where.append(" and u.path like :path");
            params.put("path", units.findById(q.unitId()).map(Unit::getPath).orElse("/none/") + "%");
        }
        TypedQuery<T> query = em.createQuery(select + where + order, type);
        params.forEach(query::setParameter);
        return query;
    }

    /** Open items per person (as leader or as contact), for the given people only. */
    private Map<Long, Long> openItems(List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        for (String role : List.of("leader", "contact")) {
            em.createQuery("select m." + role + ".id, count(m) from Measure m where m." + role + ".id in :ids"
                            + " and m.status not in ('CLOSED', 'CARRIED_OVER') group by m." + role + ".id",
                            Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(r -> counts.merge((Long) r[0], ((Number) r[1]).longValue(), Long::sum));
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public List<Violation> validate(PersonDraft d) {
        office.require();
        List<Violation> v = new ArrayList<>();
        Texts.check(v, "name", -1, d.name(), true, MAX_NAME);
        Texts.check(v, "email", -1, d.email(), false, MAX_EMAIL);
        Texts.check(v, "phone", -1, d.phone(), false, MAX_PHONE);
        String email = Texts.orNull(d.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            v.add(new Violation("email", "person.emailInvalid"));
        }
        Unit unit = d.unitId() == null ? null : units.findById(d.unitId()).orElse(null);
        if (unit == null) {
            v.add(new Violation("unit", "validation.requiredField"));
        } else if (!unit.isActive()) {
            v.add(new Violation("unit", "measure.unitDisabled", unit.getName()));
        }
        if (d.position() == null) {
            v.add(new Violation("position", "validation.requiredField"));
        }
        return v;
    }

    public Person create(PersonDraft d) {
        check(d);
        return people.save(new Person(Texts.strip(d.name()), Texts.orNull(d.email()), Texts.orNull(d.phone()),
                units.findById(d.unitId()).orElseThrow(), d.position(), d.committeeMember()));
    }

    /**
     * Saves the office's edits. A person who stops being a committee member while leading open items must hand
     * them over first.
     */
    public Person update(long id, int version, PersonDraft d) {
        Person p = load(id, version);
        check(d);
        if (p.isCommitteeMember() && !d.committeeMember() && countLedOpen(id) > 0) {
            throw new InvalidActionException("person.stillLeads", p.getName(), countLedOpen(id));
        }
        Unit newUnit = units.findById(d.unitId()).orElseThrow();
        if (!newUnit.getId().equals(p.getUnit().getId())) {
            // A contact who moves takes no items along: those outside the new unit are handed over first.
            long stranded = problems.openItemsOf(id).stream().filter(m -> m.getContact() != null
                    && m.getContact().getId() == id && !newUnit.getPath().startsWith(m.getUnit().getPath())).count();
            if (stranded > 0) {
                throw new InvalidActionException("person.stillContact", p.getName(), stranded);
            }
            users.moveContactLogins(id, p.getUnit().getId(), newUnit.getId());
        }
        p.edit(Texts.strip(d.name()), Texts.orNull(d.email()), Texts.orNull(d.phone()),
                units.findById(d.unitId()).orElseThrow(), d.position(), d.committeeMember());
        return p;
    }

    private long countLedOpen(long personId) {
        return em.createQuery("select count(m) from Measure m where m.leader.id = :p"
                + " and m.status not in ('CLOSED', 'CARRIED_OVER')", Long.class).setParameter("p", personId)
                .getSingleResult();
    }

    /** The open items a deactivation would hand over. */
    @Transactional(readOnly = true)
    public int openItemCount(long personId) {
        office.require();
        return problems.openItemsOf(personId).size();
    }

    /** Who can take the person's open items: active committee members when they lead any, else active people. */
    @Transactional(readOnly = true)
    public List<Person> successorsFor(long personId) {
        office.require();
        boolean leads = countLedOpen(personId) > 0;
        return (leads ? people.findByCommitteeMemberTrueAndActiveTrueOrderByPositionAscNameAsc()
                : people.findByActiveTrueOrderByNameAsc()).stream()
                .filter(p -> p.getId() != personId).toList();
    }

    /** What a deactivation did: items handed over and logins disabled. */
    public record Deactivation(ProblemService.HandOver handOver, int loginsDisabled) {
    }

    /**
     * 停用: a person who leaves. Their open items go to {@code successorId} first (refused without one while any
     * remain), their logins are disabled and their sessions ended — all in one transaction.
     */
    public Deactivation deactivate(long id, int version, Long successorId) {
        Person p = load(id, version);
        int open = problems.openItemsOf(id).size();
        if (open > 0 && successorId == null) {
            throw new InvalidActionException("person.successorRequired", p.getName(), open);
        }
        ProblemService.HandOver handOver = open > 0 ? problems.handOver(id, successorId)
                : new ProblemService.HandOver(0, 0);
        p.setActive(false);
        return new Deactivation(handOver, users.disableLoginsOf(id));
    }

    public Person activate(long id, int version) {
        Person p = load(id, version);
        if (!p.getUnit().isActive()) {
            throw new InvalidActionException("measure.unitDisabled", p.getUnit().getName());
        }
        p.setActive(true);
        return p;
    }

    @Transactional(readOnly = true)
    public Person get(long id) {
        office.require();
        return people.findById(id).orElseThrow(() -> new InvalidActionException("person.notFound"));
    }

    private Person load(long id, int version) {
        office.require();
        Person p = people.findById(id).orElseThrow(() -> new InvalidActionException("person.notFound"));
        if (p.getVersion() != version) {
            throw new StaleDataException();
        }
        return p;
    }

    private void check(PersonDraft d) {
        List<Violation> v = validate(d);
        if (!v.isEmpty()) {
            throw new InvalidDraftException(v);
        }
    }
}
