package org.rectify.disclosure.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.rectify.disclosure.DisclosureService.PublicItem;
import org.rectify.disclosure.DisclosureService.PublicMeeting;
import org.rectify.disclosure.DisclosureService.PublicState;

/**
 * A meeting's disclosed items as on the notice board: problems numbered anew (the ledger's numbers would show
 * what is not disclosed), a problem's cell spanning its measures, completion date and state. On a phone the same
 * rows read as a list (the theme's CSS), a problem followed by its measures.
 */
class DisclosureTable extends Composite<Div> {

    DisclosureTable(PublicMeeting meeting) {
        NativeTable table = new NativeTable();
        table.addClassName("disclosure-table");
        NativeTableRow head = table.getHead().addRow();
        for (String key : List.of("disclosure.col.no", "disclosure.col.problem", "disclosure.col.measure",
                "disclosure.col.completedOn", "disclosure.col.state")) {
            head.addHeaderCell().setText(getTranslation(key));
        }
        List<PublicItem> items = meeting.items();
        int no = 0;
        for (int i = 0; i < items.size(); i++) {
            PublicItem item = items.get(i);
            NativeTableRow row = table.getBody().addRow();
            boolean first = i == 0 || items.get(i - 1).problemId() != item.problemId();
            if (first) {
                row.addClassName("problem-start");
                int span = 1;
                while (i + span < items.size() && items.get(i + span).problemId() == item.problemId()) {
                    span++;
                }
                NativeTableCell number = row.addDataCell();
                number.setText(String.valueOf(++no));
                number.addClassName("no");
                NativeTableCell problem = row.addDataCell();
                problem.add(new Span(item.problem()));
                if (item.member() != null) {
                    Div who = new Div(getTranslation("disclosure.member", item.member()));
                    who.addClassName("who");
                    problem.add(who);
                }
                problem.addClassName("problem");
                if (span > 1) {
                    number.getElement().setAttribute("rowspan", String.valueOf(span));
                    problem.getElement().setAttribute("rowspan", String.valueOf(span));
                }
            }
            NativeTableCell measure = row.addDataCell();
            measure.addClassName("measure");
            measure.add(new Span(item.measure()));
            if (item.leader() != null) {
                Div who = new Div(getTranslation("disclosure.leader", item.leader()));
                who.addClassName("who");
                measure.add(who);
            }
            NativeTableCell done = row.addDataCell();
            done.setText(item.completedOn() == null ? "—" : item.completedOn().toString());
            done.addClassName("date");
            // A phone shows the rows as a list without the header: the cell names itself there (CSS).
            done.getElement().setAttribute("data-label", getTranslation("disclosure.col.completedOn"));
            NativeTableCell state = row.addDataCell();
            Span badge = new Span(getTranslation(item.state().messageKey()));
            badge.getElement().getThemeList().add(item.state() == PublicState.DONE ? "badge success" : "badge contrast");
            state.add(badge);
            state.addClassName("state");
        }
        getContent().addClassName("disclosure-table-wrap");
        getContent().add(table);
    }
}
