package org.rectify.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
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
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;
import java.util.Locale;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.base.ui.component.AppIconElement;
import org.rectify.base.ui.i18n.LocaleSelection;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
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

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, DashboardService dashboard,
            MenuEntries menu) {
        this.dashboard = dashboard;
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        addToDrawer(drawerHeader(), new Scroller(navigation(menu.forCurrentUser())), new Footer());
        // Not touch-optimized: on a phone the bar stays at the top, where users look for their name and logout.
        addToNavbar(false, navbar(currentUser, authentication));
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
    private Component navigation(List<MenuEntry> entries) {
        SideNav main = new SideNav();
        SideNav admin = new SideNav(getTranslation("nav.admin"));
        admin.setCollapsible(true);
        for (MenuEntry entry : entries) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new AppIconElement(entry.icon()));
            }
            item.setMatchNested(true);
            if (LEDGER_PATH.equals(entry.path().replaceFirst("^/", ""))) {
                overdueBadge.getElement().getThemeList().addAll(List.of("badge", "error", "pill", "small"));
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
        // The full title on wide screens, a short one on a phone (CSS picks): a long title stacked one character
        // per line would take a third of a phone's screen.
        Span full = new Span(getTranslation("app.title"));
        full.addClassName("title-full");
        Span brief = new Span(getTranslation("nav.shortTitle"));
        brief.addClassName("title-short");
        Span title = new Span(full, brief);
        title.addClassName("navbar-title");
        Div spacer = new Div();
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, spacer);
        // Only signed-in users reach a Vaadin page (the login page is plain HTML with its own language links).
        currentUser.find().ifPresent(actor -> bar.add(userMenu(actor, authentication)));
        bar.setFlexGrow(1, spacer);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("navbar");
        return bar;
    }

    /**
     * The user's name and role, opening a menu with the password change, the language and the logout: one tap
     * target that fits a phone's top bar, where separate controls overlapped.
     */
    private Component userMenu(Actor actor, AuthenticationContext authentication) {
        Avatar avatar = new Avatar(actor.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        avatar.getElement().setAttribute("aria-hidden", "true");
        Span name = new Span(actor.displayName());
        name.addClassName("user-name");
        Span role = new Span(getTranslation(actor.role().messageKey()));
        role.getElement().getThemeList().add("badge contrast small");
        role.addClassName("user-role");
        Div who = new Div(avatar, name, role);
        who.addClassName("user-button");

        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_DROPDOWN_INDICATORS);
        menu.setId("user-menu");
        menu.getElement().setAttribute("aria-label", getTranslation("nav.userMenu", actor.displayName()));
        MenuItem root = menu.addItem(who);
        SubMenu sub = root.getSubMenu();
        MenuItem identity = sub.addItem(actor.displayName() + " · " + getTranslation(actor.role().messageKey()));
        identity.setEnabled(false);
        sub.addSeparator();
        sub.addItem(menuEntry(AppIcon.KEY, "password.title"),
                e -> getUI().ifPresent(ui -> ui.navigate("account/password"))).setId("change-password");
        MenuItem language = sub.addItem(menuEntry(AppIcon.GLOBE, "nav.language"));
        language.setId("language-menu");
        Locale current = RectifyI18NProvider.supported(getLocale());
        for (Locale locale : List.of(RectifyI18NProvider.CHINESE, RectifyI18NProvider.ENGLISH)) {
            MenuItem choice = language.getSubMenu().addItem(RectifyI18NProvider.nativeName(locale), e -> {
                LocaleSelection.choose(locale);
                UI.getCurrent().getPage().reload();
            });
            choice.setCheckable(true);
            choice.setChecked(locale.equals(current));
        }
        sub.addSeparator();
        sub.addItem(menuEntry(AppIcon.SIGN_OUT, "nav.logout"), e -> authentication.logout()).setId("logout");
        return menu;
    }

    private Component menuEntry(AppIcon icon, String key) {
        AppIconElement i = icon.create();
        i.addClassName("menu-icon");
        Span entry = new Span(i, new Span(getTranslation(key)));
        entry.addClassName("menu-entry");
        return entry;
    }
}
