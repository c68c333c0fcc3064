package org.rectify.mail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rectify.base.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Runs once on start-up a scheduled job whose time passed while the application was down. Only within the period
 * the job's idempotency keys cover (the day for the daily digest, the ISO week for the weekly mails), so the run
 * records exactly what the missed one would have and can never send a mail twice; and only when no mail of the job
 * was recorded since its scheduled time (a restart after a normal run stays quiet). The run takes the job's own
 * ShedLock lock; when another instance holds it, that instance is running the job (or its lock is one left by a
 * killed instance, which expires within the job's lockAtMostFor), so the catch-up is tried again after that time.
 */
@Component
class MissedRuns {

    private static final Logger log = LoggerFactory.getLogger(MissedRuns.class);
    private static final int ATTEMPTS = 3;

    private final ReminderJobs jobs;
    private final OutboxRepository outbox;
    private final MailProperties properties;
    private final Today today;
    private final Environment env;
    private final java.util.concurrent.Executor executor;

    MissedRuns(ReminderJobs jobs, OutboxRepository outbox, MailProperties properties, Today today, Environment env,
            @Qualifier("applicationTaskExecutor") java.util.concurrent.Executor executor) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.properties = properties;
        this.today = today;
        this.env = env;
        this.executor = executor;
    }

    /** A scheduled job as the catch-up sees it. */
    private record Job(String name, String cronProperty, String cronDefault, MailKind kind,
                       Function<LocalDate, LocalDate> periodStart, Supplier<ReminderService.RunReport> run) {
    }

    private List<Job> jobs() {
        Function<LocalDate, LocalDate> day = d -> d;
        Function<LocalDate, LocalDate> week = d -> d.with(DayOfWeek.MONDAY);
        return List.of(
                new Job("dailyDigest", "rectify.mail.digest-cron", "0 30 7 * * *", MailKind.DIGEST, day,
                        jobs::dailyDigest),
                new Job("escalation", "rectify.mail.escalation-cron", "0 40 7 * * MON", MailKind.ESCALATION, week,
                        jobs::escalation),
                new Job("weeklySummary", "rectify.mail.weekly-cron", "0 0 8 * * MON", MailKind.WEEKLY, week,
                        jobs::weeklySummary));
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.scheduling()) {
            executor.execute(() -> catchUp(ATTEMPTS));
        }
    }

    private void catchUp(int attemptsLeft) {
        List<String> locked = new ArrayList<>();
        runMissed(locked);
        if (!locked.isEmpty() && attemptsLeft > 1) {
            log.info("Missed runs {} are locked by another instance; trying again after the lock expires", locked);
            try {
                Thread.sleep(java.time.Duration.parse(ReminderJobs.RUN_LOCK).plusSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catchUp(attemptsLeft - 1);
        }
    }

    /**
     * Runs every job whose scheduled time in its current period has passed with none of its mails recorded since;
     * returns the names of the jobs run. Those skipped because another instance holds their lock go to {@code locked}.
     */
    List<String> runMissed(List<String> locked) {
        ZoneId zone = ZoneId.of(env.getProperty("rectify.time-zone", "Asia/Shanghai"));
        LocalDateTime now = today.now();
        List<String> ran = new ArrayList<>();
        for (Job job : jobs()) {
            CronExpression cron = CronExpression.parse(env.getProperty(job.cronProperty(), job.cronDefault()));
            ZonedDateTime periodStart = job.periodStart().apply(now.toLocalDate()).atStartOfDay(zone);
            ZonedDateTime scheduled = cron.next(periodStart.minusSeconds(1));
            if (scheduled == null || scheduled.toLocalDateTime().isAfter(now)) {
                continue; // not due yet in this period
            }
            if (outbox.existsByKindAndCreatedAtGreaterThanEqual(job.kind(), scheduled.toLocalDateTime())) {
                continue; // it ran
            }
            log.info("Scheduled run {} of {} was missed (the application was down): running it now", job.name(),
                    scheduled);
            if (job.run().get() == null) {
                locked.add(job.name()); // ShedLock: another instance holds the job's lock
            } else {
                ran.add(job.name());
            }
        }
        return ran;
    }
}
