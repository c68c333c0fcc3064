package org.rectify.meeting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MeetingRepository extends JpaRepository<Meeting, Long> {

    List<Meeting> findAllByOrderByHeldOnDesc();

    @Query("select distinct m.year from Meeting m order by m.year desc")
    List<Integer> findYears();
}
