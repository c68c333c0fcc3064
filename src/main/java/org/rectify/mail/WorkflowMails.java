package org.rectify.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rectify.base.Texts;
import org.rectify.ledger.EventKind;
import org.rectify.ledger.Measure;
import org.rectify.ledger.MeasureEvent;
import org.rectify.ledger.MeasureEventRepository;
import org.rectify.ledger.RectificationService.StepRecorded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Event mails, recorded in the outbox in the same transaction as the workflow step: the contact person is told
 * when an item is sent back or an extension is decided; the office when an item is submitted for closing or an
 * extension is asked for (both wait for its decision).
 */
@Component
class WorkflowMails {

    private final MeasureEventRepository events;
    private final Outbox outbox;
    private final MailComposer composer;
    private final MailProperties properties;

    WorkflowMails(MeasureEventRepository events, Outbox outbox, MailComposer composer, MailProperties properties) {
        this.events = events;
        this.outbox = outbox;
        this.composer = composer;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onStep(StepRecorded step) {
        String headline;
        MailKind kind;
        Recipient to;
        MeasureEvent event = events.findById(step.eventId()).orElseThrow();
        Measure m = event.getMeasure();
        switch (step.kind()) {
            case RETURNED -> {
                kind = MailKind.RETURNED;
                headline = "您报送的整改事项申请销号已被党委办公室退回，请根据意见继续整改后重新申请。";
                to = contactOf(m);
            }
            case EXTENSION_APPROVED, EXTENSION_REFUSED -> {
                kind = MailKind.EXTENSION_DECIDED;
                headline = step.kind() == EventKind.EXTENSION_APPROVED
                        ? "您提出的延期申请已获同意，新的整改时限为 " + event.getNewDeadline() + "。"
                        : "您提出的延期申请未获同意，请按原整改时限 " + event.getOldDeadline() + " 完成。";
                to = contactOf(m);
            }
            case CLOSE_REQUESTED -> {
                kind = MailKind.CLOSE_REQUESTED;
                headline = m.getUnit().getName() + " 申请对以下整改事项销号，请核验。";
                to = new Recipient(null, "党委办公室", properties.officeAddress());
            }
            case EXTENSION_REQUESTED -> {
                kind = MailKind.EXTENSION_REQUESTED;
                headline = m.getUnit().getName() + " 申请将以下整改事项的整改时限由 " + event.getOldDeadline()
                        + " 延至 " + event.getNewDeadline() + "，请审批。";
                to = new Recipient(null, "党委办公室", properties.officeAddress());
            }
            default -> {
                return;
            }
        }
        String link = properties.baseUrl() + "/ledger/item/" + m.getId();
        Map<String, Object> model = new HashMap<>();
        model.put("title", subject(kind, m));
        model.put("name", to.name());
        model.put("headline", headline);
        model.put("content", m.getContent());
        model.put("unit", m.getUnit().getName());
        model.put("deadline", m.getDeadline());
        model.put("note", event.getNote());
        String noteLabel = noteLabel(step.kind());
        model.put("noteLabel", noteLabel);
        model.put("actor", event.getActorName());
        model.put("link", link);
        // The same fields, labels and order as the HTML (templates/mail/event.html); an absent note is left out.
        List<String> fields = new java.util.ArrayList<>(List.of("整改措施：" + m.getContent(),
                "责任单位：" + m.getUnit().getName()));
        if (m.getDeadline() != null) {
            fields.add("整改时限：" + m.getDeadline());
        }
        if (!Texts.isBlank(event.getNote())) {
            fields.add(noteLabel + "：" + event.getNote());
        }
        fields.add("办理人：" + event.getActorName());
        String text = MailComposer.text(to.name() + "：您好！" + headline, List.of(Map.entry("整改事项", fields)),
                "在平台中查看：" + link);
        outbox.enqueue(new Outbox.Draft("EVENT:" + event.getId() + ":" + kind, kind, to, subject(kind, m),
                composer.html("event", model), text));
    }

    /** What the note of a step is, in the mail: the statement of a closing request, a request's reason, or advice. */
    private static String noteLabel(EventKind kind) {
        return switch (kind) {
            case CLOSE_REQUESTED -> "完成情况";
            case EXTENSION_REQUESTED -> "申请理由";
            default -> "意见";
        };
    }

    private static String subject(MailKind kind, Measure m) {
        String item = m.getContent().length() > 30 ? m.getContent().substring(0, 30) + "…" : m.getContent();
        return switch (kind) {
            case RETURNED -> "【整改退回】" + item;
            case EXTENSION_DECIDED -> "【延期审批结果】" + item;
            case CLOSE_REQUESTED -> "【销号申请】" + m.getUnit().getName() + "：" + item;
            case EXTENSION_REQUESTED -> "【延期申请】" + m.getUnit().getName() + "：" + item;
            default -> item;
        };
    }

    /** The measure's contact person; without one, the unit itself has nobody to tell, which the outbox shows. */
    private static Recipient contactOf(Measure m) {
        return m.getContact() != null ? Recipient.of(m.getContact())
                : new Recipient(null, m.getUnit().getName() + "联络员", null);
    }
}
