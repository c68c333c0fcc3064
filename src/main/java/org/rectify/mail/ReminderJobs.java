package org.rectify.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled jobs. Each holds a ShedLock lock, so with several instances only one runs it at a time; the
 * outbox's unique keys make a second run (or a run after a restart) record nothing twice.
 *
 * <p>lockAtMostFor is how long a lock left by a killed instance blocks the job, so it is kept just above a run's
 * real length rather than generous: a digest for 5,000 people records in under 10 s (BENCHMARKS.md), and sending is
 * cut at {@link Outbox#SEND_BUDGET} (2 min) plus one SMTP attempt (connect 10 s + 20 s per command), so a run ends
 * within 3–4 minutes; 5 minutes for the jobs that record and send, 4 for the sender alone. Should a run ever outlast
 * its lock, a second instance starting the same run records nothing twice (unique keys) and sends nothing twice
 * (each mail is claimed before it is sent). lockAtLeastFor (1 min) keeps an instance whose clock is a little off
 * from starting the same schedule again right after.
 */
@Component
public class ReminderJobs {

    private static final Logger log = LoggerFactory.getLogger(ReminderJobs.class);
    /** A run that records and sends: recording (seconds) + one bounded send round + margin. */
    static final String RUN_LOCK = "PT5M";
    /** A send round alone: {@link Outbox#SEND_BUDGET} + one SMTP attempt + margin. */
    static final String SEND_LOCK = "PT4M";

    private final ReminderService reminders;
    private final Outbox outbox;

    public ReminderJobs(ReminderService reminders, Outbox outbox) {
        this.reminders = reminders;
        this.outbox = outbox;
    }

    @Scheduled(cron = "${rectify.mail.digest-cron:0 30 7 * * *}", zone = "${rectify.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "dailyDigest", lockAtMostFor = ReminderJobs.RUN_LOCK, lockAtLeastFor = "PT1M")
    public ReminderService.RunReport dailyDigest() {
        ReminderService.RunReport report = reminders.runDailyDigest();
        log.info("Daily digest: {} recorded, {} already recorded, without address: {}", report.recorded(),
                report.alreadyRecorded(), report.withoutAddress());
        outbox.sendDue();
        return report;
    }

    @Scheduled(cron = "${rectify.mail.escalation-cron:0 40 7 * * MON}", zone = "${rectify.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "escalation", lockAtMostFor = ReminderJobs.RUN_LOCK, lockAtLeastFor = "PT1M")
    public ReminderService.RunReport escalation() {
        ReminderService.RunReport report = reminders.runEscalation();
        log.info("Escalation: {} recorded", report.recorded());
        outbox.sendDue();
        return report;
    }

    @Scheduled(cron = "${rectify.mail.weekly-cron:0 0 8 * * MON}", zone = "${rectify.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "weeklySummary", lockAtMostFor = ReminderJobs.RUN_LOCK, lockAtLeastFor = "PT1M")
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
    @SchedulerLock(name = "dailyDigest", lockAtMostFor = ReminderJobs.RUN_LOCK, lockAtLeastFor = "PT1M")
    public ReminderService.RunReport recordDailyDigest() {
        return reminders.runDailyDigest();
    }

    /**
     * Sends what is waiting (new mails, retries that are due). Returns nothing: ShedLock cannot lock a method that
     * returns a primitive.
     */
    @Scheduled(fixedDelayString = "${rectify.mail.send-interval:PT30S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "outboxSender", lockAtMostFor = ReminderJobs.SEND_LOCK)
    public void sendOutbox() {
        int sent = outbox.sendDue();
        if (sent > 0) {
            log.info("Outbox: {} mails sent", sent);
        }
    }
}
