package org.rectify.mail;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.Texts;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's view of the mail: the outbox, sending by hand, the reminder job with a preview, the windows. */
@Service
public class MailAdmin {

    private final Outbox outbox;
    private final ReminderService reminders;
    private final ReminderJobs jobs;
    private final ReminderSettings settings;
    private final CurrentUser currentUser;

    @PersistenceContext
    private EntityManager em;

    public MailAdmin(Outbox outbox, ReminderService reminders, ReminderJobs jobs, ReminderSettings settings,
            CurrentUser currentUser) {
        this.outbox = outbox;
        this.reminders = reminders;
        this.jobs = jobs;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    /** The outbox filter: empty fields do not filter. */
    public record Query(MailStatus status, MailKind kind, String text) {
    }

    @Transactional(readOnly = true)
    public List<OutboxMail> find(Query q, int offset, int limit) {
        requireOffice();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<OutboxMail> cq = cb.createQuery(OutboxMail.class);
        Root<OutboxMail> o = cq.from(OutboxMail.class);
        cq.where(where(cb, o, q)).orderBy(cb.desc(o.get("id")));
        return em.createQuery(cq).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Transactional(readOnly = true)
    public long count(Query q) {
        requireOffice();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<OutboxMail> o = cq.from(OutboxMail.class);
        cq.select(cb.count(o)).where(where(cb, o, q));
        return em.createQuery(cq).getSingleResult();
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<OutboxMail> o, Query q) {
        List<Predicate> ps = new ArrayList<>();
        if (q.status() != null) {
            ps.add(cb.equal(o.get("status"), q.status()));
        }
        if (q.kind() != null) {
            ps.add(cb.equal(o.get("kind"), q.kind()));
        }
        String text = Texts.orNull(q.text());
        if (text != null) {
            String like = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            ps.add(cb.or(cb.like(cb.lower(o.get("recipientName")), like, '!'),
                    cb.like(cb.lower(o.get("recipientEmail")), like, '!'),
                    cb.like(cb.lower(o.get("subject")), like, '!')));
        }
        return ps.toArray(Predicate[]::new);
    }

    public Optional<OutboxMail> find(long id) {
        requireOffice();
        return outbox.find(id);
    }

    public boolean hasServer() {
        return outbox.hasServer();
    }

    /**
     * "Send now" / "retry": true when the server accepted it. A mail interrupted mid-send may have been delivered
     * already; it is resent only when the office says it checked ({@code interruptedChecked}).
     */
    public boolean sendNow(long id, boolean interruptedChecked) {
        requireOffice();
        if (!interruptedChecked && outbox.find(id).map(m -> m.next() == OutboxMail.Next.INTERRUPTED).orElse(false)) {
            throw new InvalidActionException("mail.interrupted.confirmFirst");
        }
        return outbox.sendNow(id);
    }

    /** Who would receive what if the daily reminder ran now, and how many mails it would add; nothing is recorded. */
    public ReminderService.Preview preview() {
        requireOffice();
        return reminders.previewDigests();
    }

    /** Records the daily reminder now, under the same lock as the schedule; the background sender sends it. */
    public ReminderService.RunReport runDigestNow() {
        requireOffice();
        ReminderService.RunReport report = jobs.recordDailyDigest();
        if (report == null) {
            throw new InvalidActionException("mail.jobBusy");
        }
        return report;
    }

    public ReminderSettings.Windows windows() {
        requireOffice();
        return settings.windows();
    }

    public ReminderSettings.Windows updateWindows(int dueSoonDays, int escalationDays) {
        return settings.update(dueSoonDays, escalationDays);
    }

    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }
}
