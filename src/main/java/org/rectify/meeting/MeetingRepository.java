package org.rectify.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MeetingRepository extends JpaRepository<Meeting, Long> {

    List<Meeting> findAllByOrderByHeldOnDesc();

    @EntityGraph(attributePaths = "organization")
    List<Meeting> findAllWithOrganizationByOrderByHeldOnDescIdDesc();

    @Query("select distinct m.year from Meeting m order by m.year desc")
    List<Integer> findYears();

    @EntityGraph(attributePaths = {"organization", "attendees", "attendees.person", "attendees.person.unit"})
    Optional<Meeting> findWithAttendeesById(long id);

    /** Earlier meetings of the same organization, the latest first: where carried-over items come from. */
    @Query("""
            select m from Meeting m where m.organization.id = :org and m.id <> :id
              and (m.heldOn < :heldOn or (m.heldOn = :heldOn and m.id < :id))
            order by m.heldOn desc, m.id desc""")
    List<Meeting> findEarlier(@Param("org") long organizationId, @Param("id") long meetingId,
            @Param("heldOn") LocalDate heldOn);

    /** Held, not yet filed: candidates for the filing alert (the rule itself is {@link MeetingRules}). */
    @EntityGraph(attributePaths = "organization")
    @Query("select m from Meeting m where m.filedOn is null and m.status <> 'PREPARING' order by m.heldOn")
    List<Meeting> findUnfiled();
}
