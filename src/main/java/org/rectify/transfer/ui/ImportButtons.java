package org.rectify.transfer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.ledger.Category;
import org.rectify.ledger.CategoryRepository;
import org.rectify.ledger.ProblemSource;
import org.rectify.transfer.LedgerImportFlow;
import org.rectify.transfer.LedgerImportService;
import org.rectify.transfer.OrgImportFlow;
import org.rectify.transfer.OrgImportService;
import org.rectify.transfer.TemplateService;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The "import from Excel" and "download the template" controls the set-up pages put in their headers: a view
 * adds them without knowing how an import works.
 */
@org.springframework.stereotype.Component
public class ImportButtons {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerImportService ledgerImport;
    private final OrgImportService orgImport;
    private final TemplateService templates;
    private final CategoryRepository categories;
    private final Executor executor;

    public ImportButtons(LedgerImportService ledgerImport, OrgImportService orgImport, TemplateService templates,
            CategoryRepository categories, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.ledgerImport = ledgerImport;
        this.orgImport = orgImport;
        this.templates = templates;
        this.categories = categories;
        this.executor = executor;
    }

    /** Import of units and people, and its template. */
    public List<Component> orgImport(Runnable onImported) {
        Button open = new Button(AppIcon.UPLOAD.create());
        open.setText(open.getTranslation("import.org.button"));
        open.setId("import-org");
        open.addClickListener(e -> new ImportDialog<>(open.getTranslation("import.org.title"),
                new OrgImportFlow(orgImport), executor, template("import.org.template", "单位和人员导入模板.xlsx",
                templates::orgTemplate), null, onImported).open());
        return List.of(open, template("import.template", "单位和人员导入模板.xlsx", templates::orgTemplate));
    }

    /** Import of a meeting's ledger, with the office's defaults for rows that leave out source or category. */
    public Button ledgerImport(long meetingId, Runnable onImported) {
        Button open = new Button(AppIcon.UPLOAD.create());
        open.setText(open.getTranslation("import.ledger.button"));
        open.setId("import-ledger");
        open.addClickListener(e -> {
            ComboBox<ProblemSource> source = new ComboBox<>(open.getTranslation("import.defaultSource"));
            source.setItems(ProblemSource.values());
            source.setItemLabelGenerator(s -> open.getTranslation(s.messageKey()));
            source.setValue(ProblemSource.STUDY);
            source.setId("import-default-source");
            ComboBox<Category> category = new ComboBox<>(open.getTranslation("import.defaultCategory"));
            category.setItems(categories.findAllByOrderBySortOrderAscNameAsc().stream().filter(Category::isActive)
                    .toList());
            category.setItemLabelGenerator(Category::getName);
            category.setClearButtonVisible(true);
            category.setPlaceholder(open.getTranslation("import.defaultCategory.none"));
            category.setId("import-default-category");
            FormLayout options = new FormLayout(source, category);
            options.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
            Supplier<LedgerImportService.Options> defaults = () -> new LedgerImportService.Options(false, false,
                    source.getValue() == null ? ProblemSource.STUDY : source.getValue(),
                    category.getValue() == null ? null : category.getValue().getId());
            ImportDialog<LedgerImportService.Preview> dialog = new ImportDialog<>(
                    open.getTranslation("import.ledger.title"), new LedgerImportFlow(ledgerImport, meetingId, defaults),
                    executor, template("import.ledger.template", "整改台账导入模板.xlsx", templates::ledgerTemplate),
                    options, onImported);
            // The defaults decide which rows are complete: a change checks the file again.
            source.addValueChangeListener(v -> dialog.recheck());
            category.addValueChangeListener(v -> dialog.recheck());
            dialog.open();
        });
        return open;
    }

    /** A link that writes a fresh template (its drop-downs list today's units, leaders and categories). */
    private static Anchor template(String key, String fileName, Supplier<byte[]> content) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, XLSX, bytes.length);
        }), "");
        link.add(AppIcon.DOWNLOAD_ALT.create());
        link.add(link.getTranslation(key));
        link.addClassName("template-link");
        link.setId(key.replace('.', '-'));
        return link;
    }
}
