package org.rectify.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.mail.MailKind;
import org.rectify.mail.MailStatus;
import org.rectify.mail.Outbox;
import org.rectify.mail.OutboxMail;
import org.rectify.mail.OutboxRepository;
import org.rectify.mail.Recipient;
import org.rectify.testing.H2Test;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * "Send now" against a server that accepts the connection and never answers (a hung SMTP server): the office's
 * screen stays usable while the send waits for the SMTP timeout, and hears the outcome afterwards.
 */
@H2Test
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-mail-slow;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.connectiontimeout=3000",
        "spring.mail.properties.mail.smtp.timeout=3000"})
class MailLogViewSlowServerTest {

    /** Accepts SMTP connections and says nothing: the client waits for the greeting until its timeout. */
    private static final ServerSocket SILENT = silent();
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    private static ServerSocket silent() {
        try {
            ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        HELD.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-smtp");
            accept.setDaemon(true);
            accept.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SILENT::getLocalPort);
    }

    @AfterAll
    static void closeServer() throws IOException {
        SILENT.close();
        for (Socket s : HELD) {
            s.close();
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRepository mails;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        fixture.login(LedgerFixture.OFFICE);
        jdbc.update("delete from mail_outbox");
        Karibu.start(context);
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    @Test
    void sendNowDoesNotHoldTheScreenForTheSmtpTimeout() throws InterruptedException {
        outbox.enqueue(new Outbox.Draft("slow", MailKind.DIGEST, new Recipient(null, "某人", "someone@test.example.org"),
                "主题", "<p>正文</p>", "正文"));
        long id = mails.findAll().get(0).getId();
        UI.getCurrent().navigate("admin/mail");
        Button send = sendButton(id);

        long started = System.nanoTime();
        _click(send);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).as("the click returns before the 3 s SMTP timeout").isLessThan(1500);
        assertThat(send.isEnabled()).as("no second click while it is sending").isFalse();
        assertThat(send.getText()).isEqualTo("发送中…");
        assertThat(UI.getCurrent().getPollInterval()).as("the screen polls for the answer").isPositive();

        for (int i = 0; i < 200 && mails.findById(id).orElseThrow().getStatus() != MailStatus.FAILED; i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip();
        }
        Thread.sleep(200);
        MockVaadin.clientRoundtrip();
        OutboxMail failed = mails.findById(id).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.next()).isEqualTo(OutboxMail.Next.WILL_RETRY);
        assertThat(UI.getCurrent().getPollInterval()).as("done: polling stops").isNegative();
        assertThat(GridKt._getFormattedRow(grid(), 0)).anyMatch(cell -> cell.startsWith("将于 "));
        assertThat(sendButton(id).getText()).isEqualTo("重试");
        assertThat(sendButton(id).isEnabled()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Grid<OutboxMail> grid() {
        return _get(Grid.class, spec -> spec.withId("mail-grid"));
    }

    /** The only row's send button, as the grid renders it now. */
    private static Button sendButton(long id) {
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(grid(), 0,
                "actions");
        return (Button) actions.getChildren().filter(c -> c.getId().orElse("").equals("mail-send-" + id))
                .findFirst().orElseThrow();
    }
}
