package org.rectify.base.ui;

import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The side menu's entries for the signed-in user, computed once per set of roles. Vaadin's menu registry checks
 * every route's access annotations on each call, looking the role checker up through the class path each time: about
 * 30 ms of every page load at scale. The views' access depends only on the roles ({@code @RolesAllowed},
 * {@code @PermitAll}) and the routes are registered at start-up, so the answer for a set of roles never changes.
 */
@Component
public class MenuEntries {

    private final Map<Set<String>, List<MenuEntry>> byRoles = new ConcurrentHashMap<>();

    /** The entries the current user may open, in menu order (titles are message keys). */
    public List<MenuEntry> forCurrentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return MenuConfiguration.getMenuEntries();
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return byRoles.computeIfAbsent(roles, r -> List.copyOf(MenuConfiguration.getMenuEntries()));
    }
}
