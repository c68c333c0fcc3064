package org.rectify.base.ui.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.ParentLayout;
import org.rectify.base.ui.MainLayout;
import org.rectify.base.ui.component.AppIcon;

/**
 * The portal's error pages (refused, not found, failed): in the user's language, inside the usual layout, saying
 * what happened and what to do, with a way back to the start page. They never show a stack trace or a route list.
 */
@ParentLayout(MainLayout.class)
abstract class ErrorPage extends Div implements HasDynamicTitle {

    private String title = "";

    ErrorPage() {
        addClassName("error-page");
    }

    /** Fills the page; {@code detail} may be null. */
    void show(AppIcon icon, String titleKey, String text, String detail) {
        removeAll();
        title = getTranslation(titleKey);
        var sign = icon.create();
        sign.addClassName("error-icon");
        H2 heading = new H2(title);
        heading.setId("error-title");
        Paragraph p = new Paragraph(text);
        p.setId("error-text");
        add(sign, heading, p);
        if (detail != null) {
            Paragraph d = new Paragraph(detail);
            d.addClassName("error-detail");
            add(d);
        }
        Anchor home = new Anchor("", getTranslation("error.home"));
        home.setId("error-home");
        home.addClassName("button-link");
        add(home);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
