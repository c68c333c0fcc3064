package org.rectify.org;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.envers.Audited;
import org.rectify.base.domain.AbstractEntity;

/** A person of the organization: committee member (班子成员), unit head, contact (联络员) or staff. */
@Entity
@Table(name = "person")
@Audited
public class Person extends AbstractEntity {

    @NotBlank
    @Size(max = 50)
    private String name;

    @Email
    @Size(max = 200)
    private String email;

    @Size(max = 40)
    private String phone;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Position position;

    /** 班子成员: may be the responsible leader (责任领导) of a measure. */
    private boolean committeeMember;

    private boolean active = true;

    protected Person() {
    }

    public Person(String name, String email, String phone, Unit unit, Position position, boolean committeeMember) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.unit = unit;
        this.position = position;
        this.committeeMember = committeeMember;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Unit getUnit() {
        return unit;
    }

    public Position getPosition() {
        return position;
    }

    public boolean isCommitteeMember() {
        return committeeMember;
    }

    public boolean isActive() {
        return active;
    }

    /** Office edits; deactivation goes through the service, which hands open items over first. */
    public void edit(String name, String email, String phone, Unit unit, Position position,
            boolean committeeMember) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.unit = unit;
        this.position = position;
        this.committeeMember = committeeMember;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    @Override
    public String toString() {
        return name;
    }
}
