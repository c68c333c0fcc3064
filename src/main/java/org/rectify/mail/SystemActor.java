package org.rectify.mail;

import java.util.function.Supplier;
import org.rectify.security.Actor;
import org.rectify.security.RectifyUser;
import org.rectify.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Scheduled jobs read the whole ledger through the same (scoped) services as users do, as this office actor.
 */
final class SystemActor {

    static final Actor ACTOR = new Actor(0, "system", "系统", Role.OFFICE, null, null);

    private SystemActor() {
    }

    static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        RectifyUser user = new RectifyUser(ACTOR, "n/a", true);
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
