package org.rectify.base;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Application settings under {@code rectify.*}.
 *
 * @param timeZone        the organization's time zone; "today" (and so "overdue") is computed in it
 * @param dueSoonDays     window for "due soon" (临期), in days
 * @param longTermPeriodDays a long-term item with no progress report for this many days is stale (长期未更新)
 * @param demoData        load the demo organization into an empty database at start-up
 * @param filingDays      default of a new meeting's "file the rectification list within N days" (会后N天内报备案)
 */
@Validated
@ConfigurationProperties(prefix = "rectify")
public record RectifyProperties(
        ZoneId timeZone,
        @Min(1) @Max(365) int dueSoonDays,
        @Min(1) @Max(365) int longTermPeriodDays,
        boolean demoData,
        @Min(1) @Max(365) int filingDays) {

    public RectifyProperties {
        if (timeZone == null) {
            timeZone = ZoneId.of("Asia/Shanghai");
        }
        if (dueSoonDays == 0) {
            dueSoonDays = 7;
        }
        if (longTermPeriodDays == 0) {
            longTermPeriodDays = 30;
        }
        if (filingDays == 0) {
            filingDays = 15;
        }
    }
}
