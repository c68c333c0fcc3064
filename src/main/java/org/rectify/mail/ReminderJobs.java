package org.rectify.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled jobs. Each holds a ShedLock lock, so with several instances only one runs it at a time; the
 * outbox's unique keys make a second run (or a run after a restart) record nothing twice.
 */
@Component
public class ReminderJobs {

    private static final Logger log = LoggerFactory.getLogger(ReminderJobs.class);

    private final ReminderService reminders;
    private final Outbox outbox;

    public ReminderJobs(ReminderService reminders, Outbox outbox) {
        this.reminders = reminders;
        this.outbox = outbox;
    }

    @Scheduled(cron = "${rectify.mail.digest-cron:0 30 7 * * *}", zone = "${rectify.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "dailyDigest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public ReminderService.RunReport dailyDigest() {
        ReminderService.RunReport report = reminders.runDailyDigest();
        log.info("Daily digest: {} recorded, {} already recorded, without address: {}", report.recorded(),
                report.alreadyRecorded(), report.withoutAddress());
        outbox.sendDue();
        return report;
    }

    @Scheduled(cron = "${rectify.mail.escalation-cron:0 40 7 * * MON}", zone = "${rectify.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "escalation", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public ReminderService.RunReport escalation() {
        ReminderService.RunReport report = reminders.runEscalation();
        log.info("Escalation: {} recorded", report.recorded());
        outbox.sendDue();
        return report;
    }

    @Scheduled(cron = "${rectify.mail.weekly-cron:0 0 8 * * MON}", zone = "${rectify.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "weeklySummary", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public ReminderService.RunReport weeklySummary() {
        ReminderService.RunReport report = reminders.runWeeklySummary();
        log.info("Weekly summary: {} recorded", report.recorded());
        outbox.sendDue();
        return report;
    }

    /**
     * Records today's digests without sending them (the office's "run now"): sending is left to the background
     * sender, so that a slow or unreachable SMTP server never holds up a user's screen. Same lock as the schedule.
     */
    @SchedulerLock(name = "dailyDigest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public ReminderService.RunReport recordDailyDigest() {
        return reminders.runDailyDigest();
    }

    /**
     * Sends what is waiting (new mails, retries that are due). Returns nothing: ShedLock cannot lock a method that
     * returns a primitive.
     */
    @Scheduled(fixedDelayString = "${rectify.mail.send-interval:PT30S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "outboxSender", lockAtMostFor = "PT10M")
    public void sendOutbox() {
        int sent = outbox.sendDue();
        if (sent > 0) {
            log.info("Outbox: {} mails sent", sent);
        }
    }
}
