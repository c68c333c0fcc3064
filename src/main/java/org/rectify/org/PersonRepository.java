package org.rectify.org;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonRepository extends JpaRepository<Person, Long> {

    @EntityGraph(attributePaths = "unit")
    List<Person> findByCommitteeMemberTrueAndActiveTrueOrderByPositionAscNameAsc();

    @org.springframework.data.jpa.repository.Query("""
            select p from Person p where p.committeeMember = true and p.active = true
            and lower(p.name) like lower(concat('%', :text, '%')) order by p.position, p.name, p.id""")
    List<Person> findLeaders(String text, org.springframework.data.domain.Pageable page);

    @EntityGraph(attributePaths = "unit")
    List<Person> findByActiveTrueOrderByNameAsc();
}
