package org.rectify.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks, before the Spring context starts, that MariaDB answers. Under CI (environment variable CI set) an
 * unreachable server is an error; on a developer's machine the tests are skipped, and say so loudly.
 */
public class MariaDbAvailable implements ExecutionCondition {

    private static Boolean reachable;
    private static String failure;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable == null) {
            probe();
        }
        if (reachable) {
            return ConditionEvaluationResult.enabled("MariaDB is reachable");
        }
        String message = "MariaDB at " + url() + " is not reachable (" + failure + "). Start it (see README: "
                + "Tests) or run .ci/run, which starts it.";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI requires MariaDB: " + message);
        }
        System.err.println("\n!!!!!!!!!! SKIPPING MariaDB TESTS: " + message + " !!!!!!!!!!\n");
        return ConditionEvaluationResult.disabled("SKIPPED, MariaDB unreachable: " + message);
    }

    private static synchronized void probe() {
        try (Connection ignored = DriverManager.getConnection(url(), env("RECTIFY_TEST_DB_USER", "root"),
                env("RECTIFY_TEST_DB_PASSWORD", ""))) {
            reachable = true;
        } catch (SQLException e) {
            reachable = false;
            failure = e.getMessage();
        }
    }

    private static String url() {
        return "jdbc:mysql://" + env("RECTIFY_TEST_DB_HOST", "127.0.0.1") + ":" + env("RECTIFY_TEST_DB_PORT", "3306")
                + "/?connectTimeout=3000";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
