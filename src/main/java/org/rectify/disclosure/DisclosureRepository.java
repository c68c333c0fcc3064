package org.rectify.disclosure;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DisclosureRepository extends JpaRepository<DisclosureItem, Long> {

    Optional<DisclosureItem> findByMeasureId(long measureId);

    List<DisclosureItem> findByMeasureProblemId(long problemId);
}
