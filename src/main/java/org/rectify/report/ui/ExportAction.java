package org.rectify.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.ledger.ui.LedgerAction;
import org.rectify.report.LedgerExportService;
import org.springframework.beans.factory.annotation.Qualifier;

/** 导出Excel on the ledger: exactly what it shows, in the user's scope, as the sheet offices send upward. */
@org.springframework.stereotype.Component
class ExportAction implements LedgerAction {

    private final LedgerExportService export;
    private final Executor executor;

    ExportAction(LedgerExportService export, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.export = export;
        this.executor = executor;
    }

    @Override
    public Component create(Supplier<Shown> shown) {
        Button button = new Button(AppIcon.DOWNLOAD_ALT.create());
        button.setText(button.getTranslation("export.button"));
        button.setId("export-ledger");
        button.addClickListener(e -> {
            Shown now = shown.get();
            String fileName = "整改台账_" + java.time.LocalDate.now() + ".xlsx";
            new ExportDialog(button.getTranslation("export.title"), fileName, executor,
                    progress -> export.export(now.filter(), now.grouping(), now.description(),
                            progress::accept)).open();
        });
        return button;
    }
}
