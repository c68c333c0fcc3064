package org.rectify.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.envers.Audited;
import org.rectify.base.domain.AbstractEntity;

/**
 * 问题类别. An editable dictionary, not an enum: the categories follow each year's meeting theme
 * ("重点从以下X个方面").
 */
@Entity
@Table(name = "category")
@Audited
public class Category extends AbstractEntity {

    @NotBlank
    @Size(max = 50)
    private String name;

    private int sortOrder;

    private boolean active = true;

    protected Category() {
    }

    public Category(String name, int sortOrder) {
        this.name = name;
        this.sortOrder = sortOrder;
    }

    public String getName() {
        return name;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    /** A rename shows everywhere the category is used; Envers keeps the old name. */
    public void setName(String name) {
        this.name = name;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    /** A used category is disabled, never deleted: it leaves the pickers, its problems keep it. */
    public void setActive(boolean active) {
        this.active = active;
    }

    @Override
    public String toString() {
        return name;
    }
}
