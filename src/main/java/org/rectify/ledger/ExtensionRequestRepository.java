package org.rectify.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, Long> {

    Optional<ExtensionRequest> findFirstByMeasureIdAndStatus(long measureId, ExtensionRequest.Status status);

    List<ExtensionRequest> findByMeasureIdOrderByRequestedAtDesc(long measureId);
}
