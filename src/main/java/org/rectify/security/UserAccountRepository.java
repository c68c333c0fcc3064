package org.rectify.security;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @EntityGraph(attributePaths = {"person", "unit"})
    Optional<UserAccount> findByUsername(String username);

    @EntityGraph(attributePaths = {"person", "unit"})
    List<UserAccount> findAllByOrderByRoleAscUsernameAsc();

    boolean existsByUsername(String username);

    List<UserAccount> findByUsernameIn(java.util.Collection<String> usernames);

    List<UserAccount> findByPersonIdIn(java.util.Collection<Long> personIds);

    List<UserAccount> findByPersonId(long personId);

    @Query("select a.id from UserAccount a where a.username = :username")
    Optional<Long> findIdByUsername(@Param("username") String username);

    /** Bulk updates: a login attempt must not bump the version of a row the office may be editing. */
    @Modifying
    @Query("update UserAccount a set a.failedLogins = a.failedLogins + 1 where a.id = :id")
    void countFailure(@Param("id") long id);

    @Modifying
    @Query("update UserAccount a set a.lockedUntil = :until, a.failedLogins = 0 where a.id = :id and a.failedLogins >= :max")
    int lockIfReached(@Param("id") long id, @Param("max") int max, @Param("until") LocalDateTime until);

    @Modifying
    @Query("""
            update UserAccount a set a.failedLogins = 0, a.lockedUntil = null
            where a.id = :id and (a.failedLogins > 0 or a.lockedUntil is not null)""")
    int clearFailures(@Param("id") long id);
}
