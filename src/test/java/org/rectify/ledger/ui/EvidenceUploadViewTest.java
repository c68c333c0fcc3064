package org.rectify.ledger.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.testing.TestConfig.TODAY;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.Evidence;
import org.rectify.ledger.EvidenceStaging;
import org.rectify.ledger.MeasureRepository;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.RectificationService;
import org.rectify.ledger.TimelineService;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.WorkflowH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Evidence uploads through the real progress dialog (Karibu-Testing): what the server refuses never looks attached,
 * file names from any browser can be stored, the browser's content type is never trusted, and no staged file is
 * left behind however the dialog ends.
 */
@WorkflowH2Test
class EvidenceUploadViewTest {

    private static final byte[] PDF = "%PDF-1.4\n%minimal test file\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCX = {'P', 'K', 3, 4, 0, 0, 0, 0};

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    TimelineService timeline;
    @Autowired
    EvidenceStaging staging;
    @Autowired
    RectificationService workflow;
    @Autowired
    MeasureRepository measures;

    private long id;
    private boolean stopped;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.CONTACT_A);
        Karibu.start(context);
        id = fixture.freshItem(LedgerFixture.A, LedgerFixture.SECRETARY, MeasureType.PHASED, TODAY.plusDays(10));
        UI.getCurrent().navigate("ledger/item/" + id);
    }

    @AfterEach
    void tearDown() {
        if (!stopped) {
            Karibu.stop();
        }
    }

    private static EvidenceUpload openProgressDialog() {
        _click(_get(Button.class, spec -> spec.withId("action-progress")));
        _setValue(_get(_get(Dialog.class), TextArea.class, spec -> spec.withLabel("整改进展")), "已整改");
        return _get(_get(Dialog.class), EvidenceUpload.class);
    }

    private static void submit() {
        _click(_get(Button.class, spec -> spec.withId("action-submit")));
        assertThat(_find(Dialog.class)).as("the dialog closed: the report went through").isEmpty();
    }

    private List<Evidence> stored() {
        return timeline.evidence(id);
    }

    private long staged() throws IOException {
        if (!Files.isDirectory(staging.dir())) {
            return 0;
        }
        try (Stream<Path> files = Files.list(staging.dir())) {
            return files.count();
        }
    }

    /**
     * Uploads as the browser does, through the upload's own handler, and returns the HTTP status the browser gets:
     * the web component lists a file with a 4xx answer as failed, with a 2xx one as done.
     */
    private static int uploadAnswer(UploadHandler handler, Upload upload, String name, String type, byte[] content) {
        VaadinServletRequest request = (VaadinServletRequest) VaadinRequest.getCurrent();
        ((FakeRequest) request.getRequest()).setContent(content);
        FakeResponse fake = new FakeResponse();
        VaadinServletResponse response = new VaadinServletResponse(fake,
                (VaadinServletService) VaadinService.getCurrent());
        UploadEvent event = new UploadEvent(request, response, VaadinSession.getCurrent(), name, content.length, type,
                upload.getElement(), null, null);
        try {
            handler.handleUploadRequest(event);
            handler.responseHandled(true, response);
        } catch (IOException | RuntimeException e) {
            handler.responseHandled(false, response);
        }
        MockVaadin.clientRoundtrip();
        return fake.getStatus();
    }

    private static int uploadAnswer(EvidenceUpload upload, String name, byte[] content) {
        return uploadAnswer(UploadKt.get_handler(upload.upload()), upload.upload(), name, "application/pdf", content);
    }

    @Test
    void aRefusedFileIsAnsweredAsFailedSoTheListDoesNotShowItAsAttached() {
        EvidenceUpload upload = openProgressDialog();
        assertThat(uploadAnswer(upload, "会议纪要.pdf", PDF)).as("accepted").isEqualTo(200);
        assertThat(uploadAnswer(upload, "报告.pdf", new byte[] {'M', 'Z', 0, 1})).as("wrong content").isEqualTo(422);
        assertThat(uploadAnswer(upload, "空.pdf", new byte[0])).as("empty").isEqualTo(422);
        assertThat(uploadAnswer(upload, "大文件.pdf", big())).as("over the limit").isEqualTo(422);
        assertThat(uploadAnswer(upload, "setup.exe", PDF)).as("type not allowed").isEqualTo(422);
        assertThat(upload.files()).extracting(f -> f.fileName()).containsExactly("会议纪要.pdf");
        assertThat(upload.refusals()).containsExactly(
                "“报告.pdf”的内容与扩展名不符，已拒收。",
                "“空.pdf”是空文件。",
                "“大文件.pdf”超过 64 KB 的大小限制。",
                "“setup.exe”的文件类型不允许，只能上传 pdf、doc、docx、xls、xlsx、jpg、png。");
        assertThat(upload.upload().getI18n().getUploading().getError().getForbidden())
                .as("what the list says beside a refused file").isEqualTo("已拒收，原因见下方");
    }

    @Test
    void removingAFailedFileFromTheListKeepsTheAcceptedOneOfTheSameName() throws IOException {
        long before = staged();
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "报告.pdf", "application/pdf", PDF);
        UploadKt._upload(upload.upload(), "报告.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 1});
        assertThat(upload.files()).hasSize(1);
        removeFromList(upload, "报告.pdf", false);
        assertThat(upload.files()).as("the failed one was removed").hasSize(1);
        assertThat(staged()).isEqualTo(before + 1);
        removeFromList(upload, "报告.pdf", true);
        assertThat(upload.files()).isEmpty();
        assertThat(staged()).as("its staged file went with it").isEqualTo(before);
    }

    /** The web component's remove button: {@code complete} is false for a file that failed. */
    private static void removeFromList(EvidenceUpload upload, String name, boolean complete) {
        JsonObject data = Json.createObject();
        data.put("event.detail.file.name", name);
        data.put("event.detail.file.complete", complete);
        BasicUtilsKt._fireDomEvent(upload.upload(), "file-remove", data);
    }

    private static byte[] big() {
        byte[] big = new byte[70 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        return big;
    }

    @Test
    void nothingIsStagedForARefusedFileNorLeftAfterASubmit() throws IOException {
        long before = staged();
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "报告.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 1});
        UploadKt._upload(upload.upload(), "大文件.pdf", "application/pdf", big());
        assertThat(staged()).as("refused files are deleted at once").isEqualTo(before);
        UploadKt._upload(upload.upload(), "会议纪要.pdf", "application/pdf", PDF);
        UploadKt._upload(upload.upload(), "照片.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
        assertThat(staged()).isEqualTo(before + 2);
        submit();
        assertThat(stored()).hasSize(2);
        assertThat(staged()).as("the store has them now").isEqualTo(before);
    }

    @Test
    void aFailedSubmitKeepsTheFilesForARetryAndCancellingThenDeletesThem() throws IOException {
        long before = staged();
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "会议纪要.pdf", "application/pdf", PDF);
        // Meanwhile the office urges the item: the form's version is stale.
        fixture.login(LedgerFixture.OFFICE);
        workflow.urge(id, measures.findById(id).orElseThrow().getVersion(), "书记甲", TODAY, "请加快进度");
        fixture.login(LedgerFixture.CONTACT_A);
        _click(_get(Button.class, spec -> spec.withId("action-submit")));
        assertThat(_find(Dialog.class)).as("still open, with the refusal").hasSize(1);
        assertThat(staged()).isEqualTo(before + 1);
        _click(_get(Button.class, spec -> spec.withId("action-cancel")));
        MockVaadin.clientRoundtrip();
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(staged()).isEqualTo(before);
    }

    @Test
    void escapeOrAClickOutsideTheDialogDeletesWhatWasStaged() throws Exception {
        long before = staged();
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "会议纪要.pdf", "application/pdf", PDF);
        assertThat(staged()).isEqualTo(before + 1);
        // What the browser calls on Esc or a click outside.
        Method clientClose = Dialog.class.getDeclaredMethod("handleClientClose");
        clientClose.setAccessible(true);
        clientClose.invoke(_get(Dialog.class));
        MockVaadin.clientRoundtrip();
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(staged()).isEqualTo(before);
    }

    @Test
    void leavingThePageClosesTheDialogAndDeletesWhatWasStaged() throws IOException {
        long before = staged();
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "会议纪要.pdf", "application/pdf", PDF);
        assertThat(staged()).isEqualTo(before + 1);
        UI.getCurrent().navigate("ledger");
        MockVaadin.clientRoundtrip();
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(staged()).isEqualTo(before);
    }

    @Test
    void anUploadFinishingAfterTheDialogClosedIsNotKept() throws IOException {
        long before = staged();
        EvidenceUpload upload = openProgressDialog();
        UploadHandler handler = UploadKt.get_handler(upload.upload());
        _click(_get(Button.class, spec -> spec.withId("action-cancel")));
        MockVaadin.clientRoundtrip();
        uploadAnswer(handler, upload.upload(), "会议纪要.pdf", "application/pdf", PDF);
        assertThat(upload.files()).isEmpty();
        assertThat(staged()).isEqualTo(before);
    }

    @Test
    void whenTheSessionEndsItsStagedFilesGo() throws IOException {
        long before = staged();
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "会议纪要.pdf", "application/pdf", PDF);
        // A file of this session that no form holds any more (say, its upload ended as the tab was closed).
        staging.newFile(EvidenceStagingSessions.owner(VaadinSession.getCurrent()));
        assertThat(staged()).isEqualTo(before + 2);
        Karibu.stop();
        stopped = true;
        assertThat(staged()).isEqualTo(before);
    }

    @Test
    void aPathInTheFileNameIsDroppedAndTheBaseNameKept() {
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "../../etc/passwd.pdf", "application/pdf", PDF);
        UploadKt._upload(upload.upload(), "C:\\Users\\甲\\Desktop\\整改报告.pdf", "application/pdf", PDF);
        MockVaadin.clientRoundtrip();
        assertThat(upload.refusals()).isEmpty();
        submit();
        assertThat(stored()).extracting(Evidence::getFileName)
                .containsExactlyInAnyOrder("passwd.pdf", "整改报告.pdf");
    }

    @Test
    void anOverLongNameIsShortenedToWhatFitsKeepingItsExtension() {
        String longName = "关于加强基层党组织建设的整改报告".repeat(12) + ".pdf";
        assertThat(longName.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(255);
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), longName, "application/pdf", PDF);
        MockVaadin.clientRoundtrip();
        assertThat(upload.refusals()).isEmpty();
        submit();
        String kept = stored().get(0).getFileName();
        assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(kept).startsWith("关于加强基层党组织建设的整改报告").endsWith(".pdf");
    }

    @Test
    void aNameWithNothingLeftAfterItsPathIsRefusedWithAClearMessage() {
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "../../", "application/pdf", PDF);
        MockVaadin.clientRoundtrip();
        assertThat(upload.refusals()).containsExactly("“../../”不是可用的文件名，请改名后重新上传。");
        assertThat(upload.files()).isEmpty();
    }

    @Test
    void theBrowsersContentTypeIsNeverTrustedAndDownloadsAreServedByTheCheckedType() throws IOException {
        EvidenceUpload upload = openProgressDialog();
        UploadKt._upload(upload.upload(), "会议纪要.pdf", "application/x-" + "very-long-type".repeat(20), PDF);
        UploadKt._upload(upload.upload(), "台账.docx", "text/html", DOCX);
        MockVaadin.clientRoundtrip();
        submit();
        assertThat(stored()).extracting(Evidence::getFileName, Evidence::getContentType).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("会议纪要.pdf", "application/pdf"),
                org.assertj.core.groups.Tuple.tuple("台账.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        FakeResponse pdf = download("会议纪要.pdf");
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(pdf.getBuffer().toByteArray()).isEqualTo(PDF);
    }

    /** Streams a timeline link as the browser would fetch it, keeping the response's headers. */
    private static FakeResponse download(String fileName) throws IOException {
        Anchor link = _get(Anchor.class, spec -> spec.withClasses("evidence-link").withText(
                fileName + " (" + MeasureTimeline.size(PDF.length) + ")"));
        var resource = (StreamResourceRegistry.ElementStreamResource) VaadinSession.getCurrent()
                .getResourceRegistry().getResource(URI.create(link.getHref())).orElseThrow();
        FakeResponse fake = new FakeResponse();
        VaadinServletResponse response = new VaadinServletResponse(fake,
                (VaadinServletService) VaadinService.getCurrent());
        resource.getElementRequestHandler().handleRequest(VaadinRequest.getCurrent(), response,
                VaadinSession.getCurrent(), resource.getOwner());
        return fake;
    }
}
