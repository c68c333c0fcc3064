package org.rectify.base;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/** "Today" and "now" in the organization's time zone; the only place that reads the clock. */
@Component
public class Today {

    private final Clock clock;

    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
