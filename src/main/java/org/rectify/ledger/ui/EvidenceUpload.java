package org.rectify.ledger.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rectify.base.InvalidActionException;
import org.rectify.base.ui.UserErrors;
import org.rectify.base.ui.component.AppIcon;
import org.rectify.base.ui.i18n.ComponentTexts;
import org.rectify.ledger.EvidenceStaging;
import org.rectify.ledger.EvidenceStorage;
import org.rectify.ledger.EvidenceStorage.StagedFile;

/**
 * 佐证材料 upload for a form: each file is received into the staging directory and checked at once (name, type,
 * size, content). A refused file gets a clear message below the list, and its upload answers with an error status,
 * so that the list shows it as failed rather than done. Whatever is still staged is deleted when the form goes
 * away by any path (submit, cancel, Esc, navigation, the browser tab closed); the session's end and the next
 * start-up catch the rest (see {@link EvidenceStagingSessions}, {@link EvidenceStaging}).
 */
class EvidenceUpload extends Composite<VerticalLayout> {

    /** The status of a refused upload: the web component then marks the file failed (any 4xx does). */
    static final int REFUSED = 422;

    /** Set while a request's upload is refused, read when its response is written: both on that request's thread. */
    private static final ThreadLocal<Boolean> REFUSED_HERE = new ThreadLocal<>();

    /** An accepted file and the name the browser lists it under (for its remove button). */
    private record Entry(String listedName, StagedFile file) {
    }

    private final EvidenceStorage storage;
    private final String owner;
    private final Upload upload;
    private final Div messages = new Div();
    /** Only touched with the session locked. */
    private final List<Entry> staged = new ArrayList<>();

    EvidenceUpload(EvidenceStorage storage) {
        this.storage = storage;
        this.owner = EvidenceStagingSessions.owner(VaadinSession.getCurrent());
        upload = new Upload(new Receiver());
        upload.setAcceptedFileTypes(EvidenceStorage.allowedExtensions().stream().sorted()
                .map(ext -> "." + ext).toArray(String[]::new));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, storage.maxBytes()));
        upload.setMaxFiles(10);
        UploadI18N i18n = ComponentTexts.uploadI18n(this);
        i18n.getUploading().getError().setForbidden(getTranslation("upload.refused"));
        upload.setI18n(i18n);
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> showRefusal(e.getFileName() + "：" + e.getErrorMessage()));
        // A failed file's remove button must not take away an accepted file of the same name.
        upload.getElement().addEventListener("file-remove", e -> {
            if (e.getEventData().getBoolean("event.detail.file.complete")) {
                remove(e.getEventData().getString("event.detail.file.name"));
            }
        }).addEventData("event.detail.file.name").addEventData("event.detail.file.complete");
        addDetachListener(e -> discard());
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
        Button camera = new Button(getTranslation("evidence.camera"), AppIcon.CAMERA.create());
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

    /**
     * Receives one file into the staging directory and checks it there, on the request's thread (the session is
     * not locked); only the outcome is handed to the UI. Never uses the browser's name for a file on disk.
     */
    private final class Receiver implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            String listedName = event.getFileName();
            UI ui = event.getUI();
            Path file = null;
            try {
                String name = storage.acceptName(listedName);
                file = storage.staging().newFile(owner);
                long size = copy(event.getInputStream(), file, storage.maxBytes() + 1);
                StagedFile received = new StagedFile(file, name, size);
                storage.checkFile(received);
                Path accepted = file;
                file = null;
                // A UI already gone cannot take the file: it is deleted instead.
                inUi(ui, () -> accept(listedName, received), () -> EvidenceStaging.delete(accepted));
            } catch (InvalidActionException refused) {
                REFUSED_HERE.set(true);
                inUi(ui, () -> showRefusal(UserErrors.text(EvidenceUpload.this, refused)), () -> {
                });
            } finally {
                if (file != null) {
                    EvidenceStaging.delete(file);
                }
            }
        }

        @Override
        public void responseHandled(boolean success, VaadinResponse response) {
            boolean refused = Boolean.TRUE.equals(REFUSED_HERE.get());
            REFUSED_HERE.remove();
            response.setStatus(!success ? HttpStatusCode.INTERNAL_SERVER_ERROR.getCode()
                    : refused ? REFUSED : HttpStatusCode.OK.getCode());
        }
    }

    private static void inUi(UI ui, SerializableRunnable task, SerializableRunnable gone) {
        if (ui == null) {
            gone.run();
        } else {
            ui.accessLater(task, gone).run();
        }
    }

    /** Copies at most {@code limit} bytes: an oversized file is known as such without being stored whole. */
    private static long copy(InputStream from, Path target, long limit) throws IOException {
        long total = 0;
        try (InputStream in = from; OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > limit) {
                    break;
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    /** With the session locked: keeps the file, unless the form has gone meanwhile. */
    private void accept(String listedName, StagedFile file) {
        if (!isAttached()) {
            EvidenceStaging.delete(file.tempFile());
            return;
        }
        staged.add(new Entry(listedName, file));
    }

    private void showRefusal(String text) {
        Div line = new Div(text);
        line.addClassName("upload-refused");
        messages.add(line);
    }

    /** One file removed from the list: the first staged under that name goes. */
    private void remove(String listedName) {
        staged.stream().filter(e -> e.listedName().equals(listedName)).findFirst().ifPresent(e -> {
            EvidenceStaging.delete(e.file().tempFile());
            staged.remove(e);
        });
    }

    /** The files accepted so far. */
    List<StagedFile> files() {
        return staged.stream().map(Entry::file).toList();
    }

    /** The refusals shown, for tests and screen readers alike. */
    List<String> refusals() {
        return messages.getChildren().map(c -> c.getElement().getText()).toList();
    }

    /** Deletes every staged file not submitted; runs when the form goes away. */
    void discard() {
        staged.forEach(e -> EvidenceStaging.delete(e.file().tempFile()));
        staged.clear();
    }

    /** After a successful submit: the staged files went to the store (its transaction deleted them here). */
    void reset() {
        staged.clear();
        upload.clearFileList();
        messages.removeAll();
    }

    Upload upload() {
        return upload;
    }
}
