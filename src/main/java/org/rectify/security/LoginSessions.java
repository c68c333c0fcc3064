package org.rectify.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a user's open sessions: a login whose role, unit or password changed, or that was disabled, must not keep
 * acting with what it was allowed before.
 */
@Component
public class LoginSessions {

    private final SessionRegistry registry;

    public LoginSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Returns how many sessions were ended. */
    public int expire(String username) {
        int expired = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof RectifyUser user && user.getUsername().equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    expired++;
                }
            }
        }
        return expired;
    }
}
