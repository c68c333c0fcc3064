package org.rectify.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByMeasureIdOrderByUploadedAtDescIdDesc(long measureId);

    long countByMeasureId(long measureId);
}
