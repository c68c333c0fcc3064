package org.rectify.transfer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.rectify.base.ui.BackgroundTask;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.transfer.ImportFlow;
import org.rectify.transfer.ImportIssue;
import org.rectify.transfer.MissingReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Excel import in four steps: choose a file; the check runs in the background; the preview lists every finding
 * by row and column with the office's choices (create what is missing, import the valid rows only); the import
 * runs with a progress bar. Nothing is saved before the office confirms.
 *
 * @param <P> the flow's preview
 */
public class ImportDialog<P> extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ImportDialog.class);
    /** How an uploaded sheet's temporary file is named (in java.io.tmpdir). */
    public static final String TEMP_PREFIX = "rectify-import-";
    /** Findings listed in the preview; the rest are counted. */
    static final int MAX_ISSUES_SHOWN = 500;

    private final ImportFlow<P> flow;
    private final Executor executor;
    private final Runnable onImported;
    private final VerticalLayout body = new VerticalLayout();
    private final Div error = new Div();
    private final Checkbox createMissing = new Checkbox();
    private final Checkbox validOnly = new Checkbox();
    private final Button importButton = new Button();
    private Path file;
    private P preview;
    private boolean imported;
    private boolean hasErrors;
    private boolean nothingToImport;

    public ImportDialog(String title, ImportFlow<P> flow, Executor executor, Component templateLink,
            Component options, Runnable onImported) {
        this.flow = flow;
        this.executor = executor;
        this.onImported = onImported;
        setHeaderTitle(title);
        setWidth("min(60rem, 96vw)");
        setMaxHeight("90vh");
        addClassName("import-dialog");
        body.setPadding(false);
        error.addClassName("form-error");
        error.setId("import-error");
        error.setVisible(false);
        add(body);
        chooseStep(templateLink, options);
        importButton.setText(getTranslation("import.run"));
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setId("import-run");
        importButton.setVisible(false);
        importButton.addClickListener(e -> runImport());
        Button close = new Button(getTranslation("dialog.close"), e -> close());
        close.setId("import-close");
        getFooter().add(close, importButton);
        addDetachListener(e -> discard());
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discard();
                if (imported) {
                    onImported.run();
                }
            }
        });
        createMissing.setLabel(getTranslation("import.createMissing"));
        createMissing.setId("import-create-missing");
        createMissing.addValueChangeListener(e -> {
            if (e.isFromClient() && file != null) {
                check(); // the missing names are no longer errors, or are again
            }
        });
        validOnly.setLabel(getTranslation("import.validOnly"));
        validOnly.setId("import-valid-only");
        validOnly.addValueChangeListener(e -> importButton.setEnabled(canImport()));
    }

    private void chooseStep(Component templateLink, Component options) {
        // One temporary file, no directory of its own (Vaadin's temp-file handler makes one per upload and never
        // removes it); discard() deletes the file.
        Upload upload = new Upload(UploadHandler.toFile(this::received,
                meta -> Files.createTempFile(TEMP_PREFIX, ".upload").toFile()));
        upload.setAcceptedFileTypes(".xlsx", ".xls",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, flow.maxBytes()));
        upload.setI18n(ComponentTexts.uploadI18n(this));
        upload.setDropAllowed(true);
        upload.setId("import-upload");
        upload.addFileRejectedListener(e -> showError(getTranslation("import.file.tooLarge",
                flow.maxBytes() / (1024 * 1024) + "MB") + "（" + e.getFileName() + "）"));
        Paragraph hint = new Paragraph(getTranslation("import.hint"));
        hint.addClassName("form-hint");
        body.removeAll();
        if (options != null) {
            body.add(options);
        }
        body.add(hint);
        if (templateLink != null) {
            body.add(templateLink);
        }
        body.add(upload, error);
    }

    /** The upload arrived in a temporary file; the check runs in the background. */
    private void received(com.vaadin.flow.server.streams.UploadMetadata meta, File tempFile) {
        UI ui = UI.getCurrent() != null ? UI.getCurrent() : getUI().orElseThrow();
        ui.access(() -> {
            discard();
            file = tempFile.toPath();
            check();
        });
    }

    /** The office changed an option the check depends on: check the chosen file again. */
    void recheck() {
        if (file != null && !imported) {
            check();
        }
    }

    /** Runs the flow's check in the background, the UI polling for its end. */
    private void check() {
        error.setVisible(false);
        flow.takeOptions();
        importButton.setEnabled(false);
        Span working = new Span(getTranslation("import.checking"));
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        Div waiting = new Div(working, bar);
        waiting.setId("import-checking");
        body.add(waiting);
        ImportFlow.Choices choices = choices();
        background(() -> flow.preview(file, choices), result -> {
            body.remove(waiting);
            preview = result;
            showPreview(flow.summarize(result));
        }, failure -> {
            body.remove(waiting);
            showError(UserErrors.text(this, failure));
        });
    }

    private ImportFlow.Choices choices() {
        return new ImportFlow.Choices(createMissing.getValue(), validOnly.getValue());
    }

    private void showPreview(ImportFlow.Summary summary) {
        body.getChildren().filter(c -> c.hasClassName("import-preview")).toList().forEach(body::remove);
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("import-preview");
        box.setId("import-preview");
        box.add(new H4(getTranslation("import.preview")));
        for (ImportFlow.Line line : summary.lines()) {
            Paragraph p = new Paragraph(UserErrors.translate(this, line.key(), line.args()));
            p.addClassName("import-line");
            box.add(p);
        }
        if (!summary.missing().isEmpty() || createMissing.getValue()) {
            String names = summary.missing().stream().map(m -> getTranslation(m.kind().messageKey()) + "“"
                    + m.name() + "”").collect(Collectors.joining(getTranslation("list.separator")));
            Paragraph missing = new Paragraph(names.isEmpty() ? "" : getTranslation("import.missingList", names));
            missing.addClassName("import-missing");
            box.add(missing, createMissing);
        }
        List<ImportIssue> issues = summary.issues();
        long errors = issues.stream().filter(ImportIssue::error).count();
        if (!issues.isEmpty()) {
            box.add(new Paragraph(getTranslation("import.issues", errors, issues.size() - errors)));
            Grid<ImportIssue> grid = new Grid<>();
            grid.setId("import-issues");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addComponentColumn(i -> badge(i.error())).setHeader(getTranslation("import.col.level"))
                    .setWidth("6em").setFlexGrow(0);
            grid.addColumn(i -> i.row() == 0 ? getTranslation("import.issue.sheet")
                    : getTranslation("import.issue.row", i.row())).setHeader(getTranslation("import.col.row"))
                    .setWidth("7em").setFlexGrow(0);
            grid.addColumn(i -> i.column() == null ? "" : i.column()).setHeader(getTranslation("import.col.column"))
                    .setWidth("8em").setFlexGrow(0);
            grid.addColumn(i -> UserErrors.translate(this, i.messageKey(), i.args()))
                    .setHeader(getTranslation("import.col.message")).setFlexGrow(1);
            grid.setItems(issues.size() > MAX_ISSUES_SHOWN ? issues.subList(0, MAX_ISSUES_SHOWN) : issues);
            grid.setAllRowsVisible(issues.size() <= 8);
            grid.setHeight(issues.size() <= 8 ? null : "18em");
            box.add(grid);
            if (issues.size() > MAX_ISSUES_SHOWN) {
                box.add(new Paragraph(getTranslation("import.moreIssues", issues.size() - MAX_ISSUES_SHOWN)));
            }
        }
        validOnly.setVisible(errors > 0);
        if (errors == 0) {
            validOnly.setValue(false);
        }
        box.add(validOnly);
        body.add(box);
        hasErrors = summary.hasErrors();
        nothingToImport = summary.workUnits() == 0;
        importButton.setVisible(true);
        importButton.setEnabled(canImport());
    }

    private boolean canImport() {
        return preview != null && !nothingToImport && (!hasErrors || validOnly.getValue());
    }

    private Component badge(boolean isError) {
        Span s = new Span(getTranslation(isError ? "import.level.error" : "import.level.warning"));
        s.getElement().getThemeList().add(isError ? "badge error small" : "badge contrast small");
        return s;
    }

    private void runImport() {
        P toImport = preview;
        ImportFlow.Choices choices = choices();
        int total = Math.max(1, flow.summarize(toImport).workUnits());
        body.removeAll();
        ProgressBar bar = new ProgressBar(0, total);
        bar.setId("import-progress");
        Span label = new Span(getTranslation("import.importing", 0, total));
        body.add(label, bar, error);
        importButton.setVisible(false);
        AtomicInteger done = new AtomicInteger();
        UI ui = UI.getCurrent();
        background(() -> flow.commit(toImport, choices, n -> {
            done.set(n);
            ui.access(() -> {
                bar.setValue(Math.min(total, n));
                label.setText(getTranslation("import.importing", n, total));
            });
        }), summary -> {
            imported = true;
            body.removeAll();
            Div ok = new Div(AppIcon.CHECK_CIRCLE.create(), new Span(getTranslation("import.done")));
            ok.addClassName("import-done");
            ok.setId("import-done");
            body.add(ok);
            summary.lines().forEach(l -> body.add(new Paragraph(UserErrors.translate(this, l.key(), l.args()))));
        }, failure -> showError(UserErrors.text(this, failure)));
    }

    private <T> void background(java.util.function.Supplier<T> work, java.util.function.Consumer<T> done,
            java.util.function.Consumer<RuntimeException> failed) {
        BackgroundTask.run(UI.getCurrent(), executor, work, done, failed);
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
        if (error.getParent().isEmpty()) {
            body.add(error);
        }
    }

    /**
     * The uploaded file is a temporary copy: it goes when the dialog closes, leaves the page (navigation, the
     * session's end) or another file replaces it.
     */
    private void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("Could not delete {}", file, e);
            }
            file = null;
            preview = null;
        }
    }

    /** For tests: the preview the dialog shows. */
    P preview() {
        return preview;
    }
}
