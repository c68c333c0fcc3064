package org.rectify.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.ui.MeetingAction;
import org.rectify.report.ThreeListsService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;

/** 三类清单 on a meeting's page: the workbook to file with the superior committee. */
@org.springframework.stereotype.Component
@Order(10)
class ThreeListsAction implements MeetingAction {

    private final ThreeListsService lists;
    private final Executor executor;

    ThreeListsAction(ThreeListsService lists, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.lists = lists;
        this.executor = executor;
    }

    @Override
    public Optional<Component> create(Meeting meeting) {
        Button button = new Button(AppIcon.FILE_TABLE.create());
        button.setText(button.getTranslation("threeLists.button"));
        button.setTooltipText(button.getTranslation("threeLists.tooltip"));
        button.setId("three-lists");
        button.addClickListener(e -> new ExportDialog(button.getTranslation("threeLists.title"),
                lists.fileName(meeting.getId()), executor,
                progress -> lists.export(meeting.getId(), progress::accept)).open());
        return Optional.of(button);
    }
}
