package org.rectify.ledger.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.EvidenceStorage;
import org.rectify.ledger.EvidenceStorage.StagedFile;

/**
 * 佐证材料 upload for a form: files wait in temporary files until the form is submitted. A refused file (type,
 * size, content) gets a clear message and is deleted at once; {@link #discard()} deletes whatever was not used.
 */
class EvidenceUpload extends Composite<VerticalLayout> {

    private final EvidenceStorage storage;
    private final Upload upload;
    private final Div messages = new Div();
    private final List<StagedFile> staged = new ArrayList<>();

    EvidenceUpload(EvidenceStorage storage) {
        this.storage = storage;
        upload = new Upload(UploadHandler.toTempFile(this::received));
        upload.setAcceptedFileTypes(EvidenceStorage.allowedExtensions().stream().sorted()
                .map(ext -> "." + ext).toArray(String[]::new));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, storage.maxBytes()));
        upload.setMaxFiles(10);
        upload.setI18n(ComponentTexts.uploadI18n(this));
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> showRefusal(e.getFileName() + "：" + e.getErrorMessage()));
        upload.addFileRemovedListener(e -> remove(e.getFileName()));
        messages.addClassName("upload-messages");
        Span hint = new Span(getTranslation("upload.hint",
                String.join(" / ", EvidenceStorage.allowedExtensions().stream().sorted().toList()),
                storage.maxSizeText()));
        hint.addClassName("upload-hint");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(cameraButton(), upload, hint, messages);
    }

    /**
     * On a phone or tablet: opens the camera for a photo of the work on site. The upload's own button keeps
     * offering every file (a PDF, the gallery); this one asks the browser's file input for the rear camera once.
     * It runs in the browser so that the file dialog opens within the user's tap, as browsers require.
     */
    private Button cameraButton() {
        Button camera = new Button(getTranslation("evidence.camera"), VaadinIcon.CAMERA.create());
        camera.addClassName("camera-button");
        camera.setId("evidence-camera");
        camera.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        camera.getElement().executeJs("""
                const upload = $0;
                this.addEventListener('click', () => {
                  const input = upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]');
                  if (!input) { return; }
                  const accept = input.getAttribute('accept');
                  input.setAttribute('capture', 'environment');
                  input.setAttribute('accept', 'image/jpeg,image/png');
                  // Back to the plain file dialog once this one is done with (a file chosen or the dialog cancelled).
                  const restore = () => {
                    input.removeEventListener('change', restore);
                    input.removeEventListener('cancel', restore);
                    input.removeAttribute('capture');
                    if (accept) { input.setAttribute('accept', accept); } else { input.removeAttribute('accept'); }
                  };
                  input.addEventListener('change', restore);
                  input.addEventListener('cancel', restore);
                  input.click();
                });""", upload.getElement());
        return camera;
    }

    /** Runs when a file has arrived in a temporary file (possibly outside the UI lock). */
    private void received(UploadMetadata meta, File file) throws IOException {
        StagedFile candidate = new StagedFile(file.toPath(), meta.fileName(), meta.contentType(), file.length());
        UI ui = UI.getCurrent() != null ? UI.getCurrent() : getUI().orElse(null);
        try {
            storage.checkFile(candidate);
            synchronized (staged) {
                staged.add(candidate);
            }
        } catch (RuntimeException refused) {
            Files.deleteIfExists(file.toPath());
            if (ui != null) {
                ui.access(() -> showRefusal(UserErrors.text(this, refused)));
            }
        }
    }

    private void showRefusal(String text) {
        Div line = new Div(text);
        line.addClassName("upload-refused");
        messages.add(line);
    }

    private void remove(String fileName) {
        synchronized (staged) {
            staged.removeIf(f -> {
                if (f.fileName().equals(fileName)) {
                    delete(f.tempFile());
                    return true;
                }
                return false;
            });
        }
    }

    /** The files accepted so far. */
    List<StagedFile> files() {
        synchronized (staged) {
            return List.copyOf(staged);
        }
    }

    /** The refusals shown, for tests and screen readers alike. */
    List<String> refusals() {
        return messages.getChildren().map(c -> c.getElement().getText()).toList();
    }

    /** Deletes every temporary file still waiting (the ones stored were moved away already). */
    void discard() {
        synchronized (staged) {
            staged.forEach(f -> delete(f.tempFile()));
            staged.clear();
        }
    }

    /** After a successful submit: the files now belong to the store. */
    void reset() {
        synchronized (staged) {
            staged.clear();
        }
        upload.clearFileList();
        messages.removeAll();
    }

    Upload upload() {
        return upload;
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temp directory
        }
    }

}
