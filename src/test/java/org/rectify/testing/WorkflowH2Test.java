package org.rectify.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * An H2 test that changes data: a database of its own (so the read-only ledger tests keep their exact counts),
 * shared by all such tests through one Spring context, with a small evidence size limit to test against.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@H2Test
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-workflow;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.evidence.dir=target/test-evidence/ui", "rectify.evidence.max-size=64KB"})
public @interface WorkflowH2Test {
}
