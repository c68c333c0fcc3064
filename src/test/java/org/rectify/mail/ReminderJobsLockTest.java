package org.rectify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A lock left by a killed instance blocks its job until lockAtMostFor runs out: every job's lock is just above the
 * longest a run can take (one bounded send round plus one SMTP attempt), and no longer than needed.
 */
class ReminderJobsLockTest {

    /** connect timeout + read timeout of one SMTP attempt (application.properties: 10 s + 20 s), with headroom. */
    private static final Duration ONE_SMTP_ATTEMPT = Duration.ofMinutes(1);

    @Test
    void everyScheduledJobsLockOutlastsARunAndNoMore() {
        List<Method> scheduled = Arrays.stream(ReminderJobs.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Scheduled.class) || m.isAnnotationPresent(SchedulerLock.class))
                .toList();
        assertThat(scheduled).hasSizeGreaterThanOrEqualTo(5);
        for (Method m : scheduled) {
            SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
            assertThat(lock).as(m.getName() + " holds a lock").isNotNull();
            Duration atMost = Duration.parse(lock.lockAtMostFor());
            assertThat(atMost).as(m.getName() + ": longer than a send round")
                    .isGreaterThan(Outbox.SEND_BUDGET.plus(ONE_SMTP_ATTEMPT));
            assertThat(atMost).as(m.getName() + ": a killed instance blocks sending for minutes, not half an hour")
                    .isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
    }
}
