package org.rectify.recurrence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProblemRecurrenceRepository extends JpaRepository<ProblemRecurrence, Long> {

    /** The suggestions about a problem, in either direction (it resembles an earlier one, or a later one it). */
    @Query("""
            select r from ProblemRecurrence r
            join fetch r.problem p join fetch p.meeting
            join fetch r.earlierProblem e join fetch e.meeting
            where p.id = :id or e.id = :id
            order by r.similarity desc, r.id""")
    List<ProblemRecurrence> findAbout(@Param("id") long problemId);

    @Query("""
            select r from ProblemRecurrence r
            join fetch r.problem p join fetch p.meeting
            join fetch r.earlierProblem e join fetch e.meeting
            where p.meeting.id = :meeting
            order by p.seqNo, r.similarity desc""")
    List<ProblemRecurrence> findForMeeting(@Param("meeting") long meetingId);
}
