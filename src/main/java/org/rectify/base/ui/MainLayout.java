package org.rectify.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import java.util.Locale;
import org.rectify.base.ui.i18n.LocaleSelection;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.rectify.ledger.ui.LedgerView;

/** The frame of every page: title bar with the language switch, side navigation. */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        addToDrawer(drawerHeader(), new Scroller(navigation()), new Footer());
        addToNavbar(true, navbar());
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

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.ledger"), LedgerView.class, VaadinIcon.TABLE.create()));
        return nav;
    }

    private HorizontalLayout navbar() {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("navbar-title");
        Div spacer = new Div();
        Select<Locale> language = new Select<>();
        language.setItems(RectifyI18NProvider.CHINESE, RectifyI18NProvider.ENGLISH);
        language.setItemLabelGenerator(l -> l.equals(RectifyI18NProvider.ENGLISH) ? "English" : "中文");
        language.setValue(RectifyI18NProvider.supported(getLocale()));
        language.setAriaLabel(getTranslation("nav.language"));
        language.setWidth("7.5em");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                LocaleSelection.choose(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, spacer, language);
        bar.setFlexGrow(1, spacer);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("navbar");
        return bar;
    }
}
