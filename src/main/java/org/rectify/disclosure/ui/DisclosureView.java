package org.rectify.disclosure.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * 整改公示: what party members may see. A placeholder until the disclosure issue builds it; it says so plainly
 * rather than pretending.
 */
@Route("disclosure")
@Menu(order = 50, icon = "vaadin:megaphone", title = "nav.disclosure")
@PermitAll
public class DisclosureView extends VerticalLayout implements HasDynamicTitle {

    public DisclosureView() {
        addClassName("disclosure-view");
        H2 title = new H2(getTranslation("disclosure.title"));
        title.addClassName("view-title");
        add(title, new Paragraph(getTranslation("disclosure.placeholder")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("disclosure.title") + " · " + getTranslation("app.name");
    }
}
