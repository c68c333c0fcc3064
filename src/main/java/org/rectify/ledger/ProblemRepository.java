package org.rectify.ledger;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProblemRepository extends JpaRepository<Problem, Long> {

    /** The next 序号 in a meeting's problem list. */
    @Query("select coalesce(max(p.seqNo), 0) + 1 from Problem p where p.meeting.id = :meetingId")
    int nextSeqNo(@Param("meetingId") long meetingId);
}
