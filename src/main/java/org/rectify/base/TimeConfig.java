package org.rectify.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Everything that needs "today" asks {@link Today}, which reads this clock in
 * the organization's time zone, so that overdue logic flips at the organization's midnight and tests can fix the date.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    Clock clock(RectifyProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
