package org.rectify.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.org.Person;
import org.rectify.org.Unit;

/** A login of the portal: its role and, for the role that needs one, its unit (联络员) or person (领导). */
@Entity
@Table(name = "app_user")
public class UserAccount extends AbstractEntity {

    @NotBlank
    @Size(min = 2, max = 50)
    @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{user.username.pattern}")
    private String username;

    @NotBlank
    private String passwordHash;

    @NotBlank
    @Size(max = 50)
    private String displayName;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Role role;

    /**
     * The person the login belongs to. Required for a leader ("items they lead" are this person's); for others it
     * ties the login to the person's record (hand-over, deactivation).
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    /** The unit a contact login sees and updates, with its sub-units. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    private boolean enabled = true;

    /** An initial password set by the office: the user chooses their own at the first login. */
    private boolean mustChangePassword;

    /** Wrong passwords since the last successful login or lock; kept by {@link LoginThrottle}. */
    private int failedLogins;

    /** A temporary lock after too many wrong passwords, until then; kept by {@link LoginThrottle}. */
    private java.time.LocalDateTime lockedUntil;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, String displayName, Role role, Person person,
            Unit unit) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.person = person;
        this.unit = unit;
    }

    @AssertTrue(message = "{user.unitRequired}")
    boolean isUnitPresentForContacts() {
        return role != Role.UNIT_CONTACT || unit != null;
    }

    @AssertTrue(message = "{user.personRequired}")
    boolean isPersonPresentForLeaders() {
        return role != Role.LEADER || person != null;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Person getPerson() {
        return person;
    }

    public Unit getUnit() {
        return unit;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void assign(String displayName, Role role, Person person, Unit unit) {
        this.displayName = displayName;
        this.role = role;
        this.person = person;
        this.unit = role == Role.UNIT_CONTACT ? unit : null;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public java.time.LocalDateTime getLockedUntil() {
        return lockedUntil;
    }

    /** Locked by too many wrong passwords at {@code now}. */
    public boolean isLocked(java.time.LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }
}
