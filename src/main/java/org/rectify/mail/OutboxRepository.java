package org.rectify.mail;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMail, Long>, JpaSpecificationExecutor<OutboxMail> {

    boolean existsByIdemKey(String idemKey);

    @Query("select m.idemKey from OutboxMail m where m.idemKey in :keys")
    List<String> findRecordedKeys(java.util.Collection<String> keys);

    /** Mails due for a (first or next) attempt, oldest first. */
    @Query("""
            select o.id from OutboxMail o
            where o.status in :statuses and o.nextAttemptAt <= :now and o.attempts < :maxAttempts
            order by o.id""")
    List<Long> findDue(@Param("statuses") Collection<MailStatus> statuses, @Param("now") LocalDateTime now,
            @Param("maxAttempts") int maxAttempts, Pageable page);

    /**
     * Claims a mail for sending: only one sender (thread or instance) can move it from PENDING/FAILED to SENDING,
     * because the update is conditional on the status it read.
     */
    @Modifying
    @Query("""
            update OutboxMail o set o.status = org.rectify.mail.MailStatus.SENDING, o.nextAttemptAt = :now
            where o.id = :id and o.status in (org.rectify.mail.MailStatus.PENDING, org.rectify.mail.MailStatus.FAILED)""")
    int claim(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Mails left in SENDING by a sender that stopped mid-way (a restart): their fate is unknown. */
    @Query("select o from OutboxMail o where o.status = org.rectify.mail.MailStatus.SENDING and o.nextAttemptAt < :before")
    List<OutboxMail> findInterrupted(@Param("before") LocalDateTime before);

    long countByStatus(MailStatus status);

    /** Whether a job's mails have been recorded since a time (its scheduled run happened). */
    boolean existsByKindAndCreatedAtGreaterThanEqual(MailKind kind, LocalDateTime since);
}
