package org.rectify.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * An H2 test of the set-up features (meetings, units, people, imports, carry-over): a database of its own, so the
 * meetings and units these tests create never become "the latest meeting" or a new group of another test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@H2Test
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-setup;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.evidence.dir=target/test-evidence/setup"})
public @interface SetupH2Test {
}
