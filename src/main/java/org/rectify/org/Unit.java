package org.rectify.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.envers.Audited;
import org.rectify.base.domain.AbstractEntity;

/**
 * 单位: the party committee, its departments and branches, as a tree. {@link #getPath()} is a materialized path
 * ("/1/4/") so that "this unit and its sub-units" is one indexed LIKE in SQL.
 */
@Entity
@Table(name = "org_unit")
@Audited
public class Unit extends AbstractEntity {

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotBlank
    @Size(max = 40)
    private String code;

    @NotNull
    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Unit parent;

    @Column(nullable = false, length = 500)
    private String path = "/";

    private int sortOrder;

    /** A disabled unit leaves the pickers but keeps its items and history; a unit with items is never deleted. */
    private boolean active = true;

    protected Unit() {
    }

    public Unit(String name, String code, UnitKind kind, Unit parent, int sortOrder) {
        this.name = name;
        this.code = code;
        this.kind = kind;
        this.parent = parent;
        this.sortOrder = sortOrder;
    }

    /** Called once the id is known (after the first flush); the path includes the unit itself. */
    public void updatePath() {
        if (getId() == null) {
            throw new IllegalStateException("path needs an id");
        }
        path = (parent == null ? "/" : parent.getPath()) + getId() + "/";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Office edits of the unit's own fields; moving it in the tree is {@link #moveUnder}. */
    public void edit(String name, String code, UnitKind kind) {
        this.name = name;
        this.code = code;
        this.kind = kind;
    }

    /** Puts the unit under another parent (or at the top); the caller updates the paths of the whole subtree. */
    public void moveUnder(Unit newParent) {
        this.parent = newParent;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** This unit or one below it. */
    public boolean contains(Unit other) {
        return other != null && other.getPath().startsWith(path);
    }

    public String getCode() {
        return code;
    }

    public UnitKind getKind() {
        return kind;
    }

    public Unit getParent() {
        return parent;
    }

    public String getPath() {
        return path;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    /** Depth in the tree: 0 for the top organization. */
    public int getDepth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    @Override
    public String toString() {
        return name;
    }
}
