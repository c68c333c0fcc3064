package org.rectify.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @EntityGraph(attributePaths = {"person", "unit"})
    Optional<UserAccount> findByUsername(String username);

    @EntityGraph(attributePaths = {"person", "unit"})
    List<UserAccount> findAllByOrderByRoleAscUsernameAsc();

    boolean existsByUsername(String username);

    List<UserAccount> findByUsernameIn(java.util.Collection<String> usernames);

    List<UserAccount> findByPersonIdIn(java.util.Collection<Long> personIds);

    List<UserAccount> findByPersonId(long personId);
}
