package org.rectify.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import org.rectify.base.ui.component.LanguageSelect;
import org.rectify.dashboard.DashboardService;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;

/** The frame of every page: title bar with the user and the language switch, side navigation by role. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final DashboardService dashboard;
    private final CurrentUser currentUser;
    private final Span overdueBadge = new Span();

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, DashboardService dashboard) {
        this.dashboard = dashboard;
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        addToDrawer(drawerHeader(), new Scroller(navigation()), new Footer());
        addToNavbar(true, navbar(currentUser, authentication));
    }

    private Header drawerHeader() {
        Span logo = new Span("整");
        logo.addClassName("app-logo");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("app-name");
        Header header = new Header(logo, name);
        header.addClassName("drawer-header");
        return header;
    }

    /** Entries from this order on are the office's administration, listed under their own heading. */
    static final int ADMIN_ORDER = 100;
    /** The ledger's route: its entry carries the overdue badge. */
    static final String LEDGER_PATH = "ledger";

    /**
     * The pages the user may open, as the views declare them with {@code @Menu} (titles are message keys); the
     * menu registry leaves out what the user's role may not open, so the layout imports no feature.
     */
    private Component navigation() {
        SideNav main = new SideNav();
        SideNav admin = new SideNav(getTranslation("nav.admin"));
        admin.setCollapsible(true);
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            item.setMatchNested(true);
            if (LEDGER_PATH.equals(entry.path().replaceFirst("^/", ""))) {
                overdueBadge.getElement().getThemeList().addAll(java.util.List.of("badge", "error", "pill", "small"));
                overdueBadge.setId("overdue-badge");
                item.setSuffixComponent(overdueBadge);
            }
            (entry.order() != null && entry.order() >= ADMIN_ORDER ? admin : main).addItem(item);
        }
        Div nav = new Div(main);
        if (!admin.getItems().isEmpty()) {
            nav.add(admin);
        }
        nav.addClassName("side-navs");
        return nav;
    }

    /** The number of overdue items in the user's scope, fresh on every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        super.afterNavigation();
        boolean seesLedger = currentUser.find().map(a -> !a.is(Role.MEMBER)).orElse(false);
        long overdue = seesLedger ? dashboard.overdueCount() : 0;
        overdueBadge.setText(String.valueOf(overdue));
        overdueBadge.setVisible(overdue > 0);
        overdueBadge.getElement().setAttribute("title", getTranslation("nav.overdueBadge", overdue));
    }

    private HorizontalLayout navbar(CurrentUser currentUser, AuthenticationContext authentication) {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("navbar-title");
        Div spacer = new Div();
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, spacer);
        currentUser.find().ifPresent(actor -> bar.add(userBox(actor, authentication)));
        bar.add(new LanguageSelect());
        bar.setFlexGrow(1, spacer);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("navbar");
        return bar;
    }

    private Component userBox(Actor actor, AuthenticationContext authentication) {
        Avatar avatar = new Avatar(actor.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_SMALL);
        Span name = new Span(actor.displayName());
        name.addClassName("user-name");
        Span role = new Span(getTranslation(actor.role().messageKey()));
        role.getElement().getThemeList().add("badge contrast small");
        Button logout = new Button(new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        logout.setAriaLabel(getTranslation("nav.logout"));
        logout.setTooltipText(getTranslation("nav.logout"));
        logout.setId("logout");
        Button password = new Button(new Icon(VaadinIcon.KEY), e -> getUI().ifPresent(ui -> ui.navigate(
                "account/password")));
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        password.setAriaLabel(getTranslation("password.title"));
        password.setTooltipText(getTranslation("password.title"));
        password.setId("change-password");
        HorizontalLayout box = new HorizontalLayout(avatar, name, role, password, logout);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        box.setSpacing(false);
        box.getStyle().set("gap", "var(--lumo-space-s)");
        box.addClassName("user-box");
        return box;
    }
}
