package org.rectify.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test against the real MariaDB server through mysql-connector-j. Fails under CI when the server
 * cannot be reached; elsewhere it is skipped with a loud message.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MariaDbAvailable.class)
@SpringBootTest
@ActiveProfiles({"test", "mariadb"})
@Import(TestConfig.class)
public @interface MariaDbTest {
}
