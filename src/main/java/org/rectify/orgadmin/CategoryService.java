package org.rectify.orgadmin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.rectify.base.InvalidActionException;
import org.rectify.base.StaleDataException;
import org.rectify.base.Texts;
import org.rectify.base.domain.AuditRevision;
import org.rectify.ledger.Category;
import org.rectify.ledger.CategoryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题类别: an editable dictionary that follows each year's meeting theme. Renaming shows everywhere and keeps the
 * old name in the history; a category in use is disabled, never deleted.
 */
@Service
@Transactional
public class CategoryService {

    static final int MAX_NAME = 50;

    private final CategoryRepository categories;
    private final OfficeOnly office;
    private final java.time.ZoneId zone;

    @PersistenceContext
    private EntityManager em;

    public CategoryService(CategoryRepository categories, OfficeOnly office,
            org.rectify.base.RectifyProperties properties) {
        this.categories = categories;
        this.office = office;
        this.zone = properties.timeZone();
    }

    /** A category with how many problems use it and the names it had before. */
    public record CategoryRow(Category category, long problems, List<String> formerNames) {
    }

    @Transactional(readOnly = true)
    public List<CategoryRow> list() {
        office.require();
        Map<Long, Long> used = new HashMap<>();
        em.createQuery("select p.category.id, count(p) from Problem p group by p.category.id", Object[].class)
                .getResultList().forEach(r -> used.put((Long) r[0], ((Number) r[1]).longValue()));
        Map<Long, List<String>> former = formerNames();
        return categories.findAllByOrderBySortOrderAscNameAsc().stream()
                .map(c -> new CategoryRow(c, used.getOrDefault(c.getId(), 0L),
                        former.getOrDefault(c.getId(), List.of()).stream()
                                .filter(n -> !n.equals(c.getName())).distinct().toList()))
                .toList();
    }

    /** The names each category had, oldest first, from Envers' history (one query). */
    private Map<Long, List<String>> formerNames() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(Category.class, false, true)
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<Long, List<String>> names = new HashMap<>();
        for (Object[] row : rows) {
            Category c = (Category) row[0];
            names.computeIfAbsent(c.getId(), k -> new ArrayList<>()).add(c.getName());
        }
        return names;
    }

    /** The history of one category: when it was called what. */
    public record NameChange(java.time.LocalDateTime at, String username, String name) {
    }

    @Transactional(readOnly = true)
    public List<NameChange> history(long id) {
        office.require();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(Category.class, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<NameChange> changes = new ArrayList<>();
        String last = null;
        for (Object[] row : rows) {
            Category c = (Category) row[0];
            if (!c.getName().equals(last)) {
                AuditRevision rev = (AuditRevision) row[1];
                changes.add(new NameChange(java.time.LocalDateTime.ofInstant(rev.getInstant(), zone),
                        rev.getUsername(), c.getName()));
                last = c.getName();
            }
        }
        return changes;
    }

    public Category create(String name) {
        office.require();
        String n = checkName(null, name);
        int order = categories.findAll().stream().mapToInt(Category::getSortOrder).max().orElse(0) + 10;
        return categories.save(new Category(n, order));
    }

    public Category rename(long id, int version, String name) {
        Category c = load(id, version);
        c.setName(checkName(id, name));
        return c;
    }

    public Category setActive(long id, int version, boolean active) {
        Category c = load(id, version);
        c.setActive(active);
        return c;
    }

    /** Swaps the category with the one before ({@code up}) or after it. */
    public void move(long id, boolean up) {
        office.require();
        List<Category> all = new ArrayList<>(categories.findAllByOrderBySortOrderAscNameAsc());
        int i = all.indexOf(categories.findById(id).orElseThrow(() -> new InvalidActionException(
                "category.notFound")));
        int j = up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= all.size()) {
            return;
        }
        all.add(j, all.remove(i));
        for (int k = 0; k < all.size(); k++) {
            all.get(k).setSortOrder((k + 1) * 10);
        }
    }

    /** Deletes a category no problem uses (a typo just made); one in use is disabled instead. */
    public void delete(long id, int version) {
        Category c = load(id, version);
        long used = em.createQuery("select count(p) from Problem p where p.category.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (used > 0) {
            throw new InvalidActionException("category.inUse", c.getName(), used);
        }
        categories.delete(c);
    }

    private String checkName(Long id, String name) {
        String n = Texts.strip(name);
        if (n.isEmpty()) {
            throw new InvalidActionException("validation.required", org.rectify.base.MessageKey.of(
                    "category.name"));
        }
        if (Texts.length(n) > MAX_NAME) {
            throw new InvalidActionException("validation.tooLong", org.rectify.base.MessageKey.of("category.name"),
                    MAX_NAME);
        }
        if (categories.findAll().stream().anyMatch(c -> !c.getId().equals(id)
                && c.getName().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT)))) {
            throw new InvalidActionException("category.exists", n);
        }
        return n;
    }

    private Category load(long id, int version) {
        office.require();
        Category c = categories.findById(id).orElseThrow(() -> new InvalidActionException("category.notFound"));
        if (c.getVersion() != version) {
            throw new StaleDataException();
        }
        return c;
    }
}
