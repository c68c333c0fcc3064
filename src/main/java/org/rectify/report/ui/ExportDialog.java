package org.rectify.report.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.rectify.base.ui.BackgroundTask;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;

/**
 * A file made in the background (a ledger export, the three lists) with a progress bar, then a link to download
 * it. The file is temporary: it goes when the dialog closes.
 */
class ExportDialog extends Dialog {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Reports rows done of all from the background thread. */
    interface Work {
        Path make(java.util.function.BiConsumer<Integer, Integer> progress);
    }

    private final Span label = new Span();
    private final ProgressBar bar = new ProgressBar();
    private Path file;

    ExportDialog(String title, String fileName, Executor executor, Work work) {
        setHeaderTitle(title);
        setWidth("min(32rem, 95vw)");
        setId("export-dialog");
        setCloseOnOutsideClick(false);
        label.setText(getTranslation("export.running", 0, "…"));
        bar.setIndeterminate(true);
        bar.setId("export-progress");
        Div body = new Div(label, bar);
        add(body);
        Button close = new Button(getTranslation("dialog.close"), e -> close());
        close.setId("export-close");
        getFooter().add(close);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discard();
            }
        });
        UI ui = UI.getCurrent();
        Supplier<Path> job = () -> work.make((done, total) -> ui.access(() -> {
            bar.setIndeterminate(false);
            bar.setMax(Math.max(1, total));
            bar.setValue(Math.min(done, Math.max(1, total)));
            label.setText(getTranslation("export.running", done, total));
        }));
        BackgroundTask.run(ui, executor, job, made -> {
            file = made;
            body.removeAll();
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    Files.newInputStream(made), fileName, XLSX, Files.size(made))), "");
            download.add(AppIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("export.download", fileName,
                    size(made))));
            download.setId("export-download");
            download.getElement().setAttribute("download", true);
            body.add(new Div(AppIcon.CHECK_CIRCLE.create(), new Span(getTranslation("export.done"))), download);
        }, failure -> {
            body.removeAll();
            Div error = new Div(UserErrors.text(this, failure));
            error.addClassName("form-error");
            body.add(error);
        });
    }

    /** The file made, once done (for tests). */
    Path file() {
        return file;
    }

    private static String size(Path p) {
        try {
            return Math.max(1, Files.size(p) / 1024) + " KB";
        } catch (IOException e) {
            return "";
        }
    }

    private void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the system's temp directory is cleaned eventually
            }
            file = null;
        }
    }
}
