package org.rectify.transfer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectify.ledger.MeasureType;

/**
 * 整改时限 as people write it: real dates, Excel date numbers, "2025-09-30", "2025.12", "2025年6月",
 * "2025年6月底前", "2025年9月30日", "年底前", "6月底前", "上半年", "三季度"; and words that are a type rather
 * than a date: 立行立改 / 即知即改 (immediate), 长期坚持 / 长期 (long-term). The export's own form
 * "2026-06-30（原定2026-03-31）" gives the deadline in force and the original one.
 */
public final class DeadlineParser {

    /** What a cell says: a date (or none), the type it implies (or none), the original deadline if extended. */
    public record Deadline(LocalDate date, MeasureType type, LocalDate original) {

        static final Deadline NONE = new Deadline(null, null, null);

        public boolean isEmpty() {
            return date == null && type == null;
        }
    }

    /** The cell could not be read as a deadline; the key says why. */
    public static final class Unreadable extends RuntimeException {
        private final String key;

        Unreadable(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static final List<String> IMMEDIATE = List.of("立行立改", "即知即改", "立即整改", "立知立改", "马上就改",
            "即查即改", "立查立改", "立即");
    private static final List<String> LONG_TERM = List.of("长期坚持", "长期整改", "长期", "持续推进", "常态化",
            "持续整改", "久久为功", "持续");
    private static final Map<String, Integer> CN_NUMBERS = Map.ofEntries(Map.entry("一", 1), Map.entry("二", 2),
            Map.entry("三", 3), Map.entry("四", 4), Map.entry("五", 5), Map.entry("六", 6), Map.entry("七", 7),
            Map.entry("八", 8), Map.entry("九", 9), Map.entry("十", 10), Map.entry("十一", 11),
            Map.entry("十二", 12));

    private static final Pattern FULL =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?");
    private static final Pattern YEAR_MONTH =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*月?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern MONTH =
            Pattern.compile("(\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*月(?:底|末|份|前|中旬|上旬|下旬)?");
    private static final Pattern YEAR_END = Pattern.compile("(?:(\\d{4})\\s*年\\s*(?:年底|年末|底|末))|年底|年末|年内|年度内");
    private static final Pattern YEAR_ONLY = Pattern.compile("^(\\d{4})\\s*年?(?:前|内|底前|以内)?$");
    private static final Pattern HALF = Pattern.compile("(?:(\\d{4})\\s*年)?\\s*(上|下)半年");
    private static final Pattern QUARTER = Pattern.compile("(?:(\\d{4})\\s*年)?\\s*第?([一二三四1-4])季度");
    private static final Pattern SERIAL = Pattern.compile("^\\d{5}(?:\\.0+)?$");
    private static final Pattern ORIGINAL = Pattern.compile("(?:原定|原时限|原为|原整改时限)[:：]?\\s*");

    private final LocalDate meetingDay;

    /** @param meetingDay the meeting's date: "年底前" is the end of its year, a month without a year follows it */
    public DeadlineParser(LocalDate meetingDay) {
        this.meetingDay = meetingDay;
    }

    public Deadline parse(String cell) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty()) {
            return Deadline.NONE;
        }
        Matcher original = ORIGINAL.matcher(text);
        if (original.find()) {
            LocalDate before = parse(text.substring(original.end())).date();
            LocalDate inForce = parse(text.substring(0, original.start()).replaceAll("[（(【\\[]$", "")).date();
            if (inForce == null || before == null) {
                throw new Unreadable("import.deadline.unknown");
            }
            return new Deadline(inForce, MeasureType.PHASED, before);
        }
        String extended = text.replaceFirst("^.*延期至", "");
        if (!extended.equals(text)) {
            return parse(extended);
        }
        LocalDate date = date(text);
        if (date != null) {
            return new Deadline(date, MeasureType.PHASED, null);
        }
        String compact = text.replaceAll("\\s", "");
        if (IMMEDIATE.stream().anyMatch(compact::contains)) {
            return new Deadline(null, MeasureType.IMMEDIATE, null);
        }
        if (LONG_TERM.stream().anyMatch(compact::contains)) {
            return new Deadline(null, MeasureType.LONG_TERM, null);
        }
        throw new Unreadable("import.deadline.unknown");
    }

    /** The date a text names, or null when it names none. */
    private LocalDate date(String text) {
        try {
            if (SERIAL.matcher(text).matches()) {
                double serial = Double.parseDouble(text);
                if (serial >= 20000 && serial <= 80000) {
                    return LocalDate.of(1899, 12, 30).plusDays((long) serial);
                }
            }
            Matcher m = FULL.matcher(text);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = HALF.matcher(text);
            if (m.find()) {
                int year = year(m.group(1));
                return followMeeting(m.group(1), "上".equals(m.group(2)) ? LocalDate.of(year, 6, 30)
                        : LocalDate.of(year, 12, 31));
            }
            m = QUARTER.matcher(text);
            if (m.find()) {
                int q = number(m.group(2));
                return followMeeting(m.group(1), YearMonth.of(year(m.group(1)), q * 3).atEndOfMonth());
            }
            m = YEAR_MONTH.matcher(text);
            if (m.find() && (m.group(0).contains("月") || !m.group(0).contains("年"))) {
                return YearMonth.of(Integer.parseInt(m.group(1)), number(m.group(2))).atEndOfMonth();
            }
            m = YEAR_END.matcher(text);
            if (m.find()) {
                return LocalDate.of(year(m.group(1)), 12, 31);
            }
            m = YEAR_ONLY.matcher(text);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), 12, 31);
            }
            m = MONTH_DAY.matcher(text);
            if (m.find()) {
                return followMeeting(null, LocalDate.of(meetingDay.getYear(), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2))));
            }
            m = MONTH.matcher(text);
            if (m.find()) {
                return followMeeting(null, YearMonth.of(meetingDay.getYear(), number(m.group(1))).atEndOfMonth());
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new Unreadable("import.deadline.invalidDate");
        }
        return null;
    }

    private int year(String group) {
        return group == null ? meetingDay.getYear() : Integer.parseInt(group);
    }

    /** A date given without a year that falls before the meeting means the same date of the next year. */
    private LocalDate followMeeting(String yearGroup, LocalDate date) {
        return yearGroup == null && date.isBefore(meetingDay) ? date.plusYears(1) : date;
    }

    private static int number(String text) {
        Integer cn = CN_NUMBERS.get(text);
        return cn != null ? cn : Integer.parseInt(text);
    }
}
