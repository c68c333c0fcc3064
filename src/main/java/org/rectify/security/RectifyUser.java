package org.rectify.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The Spring Security principal: an {@link Actor} plus the password hash and the enabled flag. */
public class RectifyUser implements UserDetails {

    private final Actor actor;
    private final String passwordHash;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final boolean locked;

    public RectifyUser(Actor actor, String passwordHash, boolean enabled) {
        this(actor, passwordHash, enabled, false);
    }

    public RectifyUser(Actor actor, String passwordHash, boolean enabled, boolean mustChangePassword) {
        this(actor, passwordHash, enabled, mustChangePassword, false);
    }

    public RectifyUser(Actor actor, String passwordHash, boolean enabled, boolean mustChangePassword,
            boolean locked) {
        this.locked = locked;
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
    }

    /** Logged in with an initial password: every page leads to the password change until it is done. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    /** Locked for a while after too many wrong passwords ({@link LoginThrottle}). */
    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** One principal per login name, so that the session registry finds all of a user's sessions. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RectifyUser other && other.actor.username().equals(actor.username());
    }

    @Override
    public int hashCode() {
        return actor.username().hashCode();
    }
}
