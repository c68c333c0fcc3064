package org.rectify.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.rectify.disclosure.ui.DisclosureView;
import org.rectify.dashboard.ui.DashboardView;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;

/** The portal's root: each role's start page (members: the disclosure page; everyone else: the dashboard). */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    public HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(startPage(currentUser));
    }

    /** The page the root forwards the signed-in user to. */
    static Class<? extends Component> startPage(CurrentUser currentUser) {
        boolean member = currentUser.find().map(a -> a.is(Role.MEMBER)).orElse(false);
        return member ? DisclosureView.class : DashboardView.class;
    }
}
