package org.rectify.testing;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/** Shared test wiring: a fixed "today" and the ledger fixture. */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    /** Tests run on a fixed day, in the organization's zone, so that "overdue" edges are exact. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(TODAY.atTime(9, 30).atZone(ZONE).toInstant(), ZONE);
    }

    @Bean
    LedgerFixture ledgerFixture() {
        return new LedgerFixture();
    }

    /** The MariaDB test database is shared between runs: start each test context from an empty schema. */
    @Bean
    @Profile("mariadb")
    FlywayMigrationStrategy cleanMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
