package org.rectify.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureEventRepository extends JpaRepository<MeasureEvent, Long> {

    List<MeasureEvent> findByMeasureIdOrderByHappenedAtDescIdDesc(long measureId);
}
