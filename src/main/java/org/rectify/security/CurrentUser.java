package org.rectify.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current request, as established by Spring Security. */
@Component
public class CurrentUser {

    public Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof RectifyUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }

    /** Logged in with an initial password that must be changed first. */
    public boolean mustChangePassword() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof RectifyUser user && user.mustChangePassword();
    }

    /** The actor, or a refusal when nobody is logged in. */
    public Actor require() {
        return find().orElseThrow(() -> new AccessDeniedException("请先登录"));
    }
}
