package org.rectify.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.rectify.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Someone who logged in with an initial password set by the office is taken to the password change, whatever page
 * they asked for, until they have chosen their own.
 */
@Component
public class FirstLoginGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    public FirstLoginGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (currentUser.mustChangePassword() && target != ChangePasswordView.class) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
