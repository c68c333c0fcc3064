package org.rectify.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    /** Tree order: parents before children, siblings by sort order. */
    List<Unit> findAllByOrderByPathAscSortOrderAsc();

    Optional<Unit> findByCode(String code);
}
