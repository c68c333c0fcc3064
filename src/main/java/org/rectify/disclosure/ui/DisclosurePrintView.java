package org.rectify.disclosure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.rectify.base.Today;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.disclosure.DisclosureService;
import org.rectify.disclosure.DisclosureService.PublicMeeting;

/**
 * The notice-board version of 整改公示: no menus, an official heading, the date, the table and the line inviting
 * opinions; the browser's print makes the sheet (A4, set in the theme's print styles).
 */
@Route(value = "disclosure/print", autoLayout = false)
@PermitAll
public class DisclosurePrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final DisclosureService disclosures;
    private final Today today;

    public DisclosurePrintView(DisclosureService disclosures, Today today) {
        this.disclosures = disclosures;
        this.today = today;
        addClassName("disclosure-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Long meetingId = event.getLocation().getQueryParameters().getSingleParameter("meeting").map(s -> {
            try {
                return Long.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        Button print = new Button(getTranslation("disclosure.printNow"), AppIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setId("print-now");
        Div tools = new Div(print);
        tools.addClassName("print-tools");
        add(tools);
        List<PublicMeeting> board = disclosures.board(meetingId);
        if (board.isEmpty()) {
            add(new Paragraph(getTranslation("disclosure.empty")));
            return;
        }
        for (PublicMeeting m : board) {
            // The notice names the organization unless the meeting's title already does.
            String name = m.title().startsWith(m.organization()) ? m.title() : m.organization() + m.title();
            H1 title = new H1(getTranslation("disclosure.printTitle", name));
            Paragraph summary = new Paragraph(getTranslation("disclosure.summary", m.items().size(), m.done(),
                    m.items().size() - m.done()));
            summary.addClassName("print-summary");
            Paragraph footer = new Paragraph(getTranslation("disclosure.printFooter"));
            footer.addClassName("print-footer");
            Div sign = new Div(new Div(m.organization()), new Div(day(today.date())));
            sign.addClassName("print-signature");
            Div sheet = new Div(title, summary, new DisclosureTable(m), footer, sign);
            sheet.addClassName("print-sheet");
            add(sheet);
        }
    }

    private static String day(java.time.LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("disclosure.title") + " · " + getTranslation("app.name");
    }
}
