package org.rectify.disclosure.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.disclosure.DisclosureService;
import org.rectify.disclosure.DisclosureService.PublicMeeting;

/**
 * 整改公示: what the office disclosed, per meeting, for every logged-in user — party members included. It shows
 * only the public wording the office approved; nothing else of the ledger reaches this page.
 */
@Route("disclosure")
@Menu(order = 50, icon = "rectify:megaphone", title = "nav.disclosure")
@PermitAll
public class DisclosureView extends VerticalLayout implements HasDynamicTitle {

    public DisclosureView(DisclosureService disclosures) {
        addClassName("disclosure-view");
        setMaxWidth("1100px");
        H2 title = new H2(getTranslation("disclosure.title"));
        title.addClassName("view-title");
        Paragraph intro = new Paragraph(getTranslation("disclosure.intro"));
        intro.addClassName("disclosure-intro");
        add(title, intro);
        List<PublicMeeting> board = disclosures.board(null);
        if (board.isEmpty()) {
            Div empty = new Div(AppIcon.MEGAPHONE.create(), new Paragraph(getTranslation("disclosure.empty")));
            empty.addClassName("empty-state");
            empty.setId("disclosure-empty");
            add(empty);
        }
        for (PublicMeeting m : board) {
            H3 heading = new H3(m.title());
            Span summary = new Span(getTranslation("disclosure.summary", m.items().size(), m.done(),
                    m.items().size() - m.done()));
            summary.addClassName("disclosure-summary");
            Anchor print = new Anchor(RouteConfiguration.forSessionScope().getUrl(DisclosurePrintView.class)
                    + "?meeting=" + m.meetingId(), getTranslation("disclosure.print"));
            print.setTarget("_blank");
            print.addClassName("print-link");
            Div header = new Div(heading, summary, print);
            header.addClassName("disclosure-meeting-header");
            Div section = new Div(header, new DisclosureTable(m));
            section.addClassName("disclosure-meeting");
            section.setId("disclosure-meeting-" + m.meetingId());
            add(section);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("disclosure.title") + " · " + getTranslation("app.name");
    }
}
