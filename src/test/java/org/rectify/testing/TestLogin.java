package org.rectify.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.rectify.security.Actor;
import org.rectify.security.RectifyUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Logs an actor in for a test, the way Spring Security would after a form login, and makes Karibu's fake requests
 * carry that login (principal and roles), which the real servlet filter would otherwise do.
 */
public final class TestLogin {

    private TestLogin() {
    }

    public static void as(Actor actor) {
        RectifyUser user = new RectifyUser(actor, "n/a", true);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    /** Logged in with an initial password the office set: every page leads to the password change first. */
    public static void asFirstLogin(Actor actor) {
        RectifyUser user = new RectifyUser(actor, "n/a", true, true);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }

    /** Call before {@code MockVaadin.setup}: requests then see the logged-in user, as behind Spring's filter. */
    public static void bridgeToKaribu() {
        MockVaadin.setMockRequestFactory(session -> new SecurityAwareRequest(session));
    }

    private static final class SecurityAwareRequest extends FakeRequest {
        SecurityAwareRequest(HttpSession session) {
            super(session);
        }

        @Override
        public Principal getUserPrincipal() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null ? null : auth;
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
        }
    }
}
