package org.rectify.security;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LoginEventRepository extends JpaRepository<LoginEvent, Long> {

    /** Served by the (address, at) index: the per-address throttle asks this on every login. */
    long countByAddressAndOutcomeAndAtAfter(String address, LoginEvent.Outcome outcome, LocalDateTime since);

    /** 登录日志, newest first; {@code text} (lower case, may be null) matches the login or the address. */
    @Query("""
            select e from LoginEvent e
            where (:text is null or lower(e.username) like concat('%', :text, '%') or e.address like concat('%', :text, '%'))
              and (:outcome is null or e.outcome = :outcome)
            order by e.at desc, e.id desc""")
    List<LoginEvent> search(@Param("text") String text, @Param("outcome") LoginEvent.Outcome outcome,
            Pageable page);
}
