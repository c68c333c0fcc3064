package org.rectify.ledger.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.base.domain.Labelled;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService.FilterOptions;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemSource;

/**
 * The ledger's filters as URL query parameters, so that a filtered ledger can be bookmarked and linked to
 * (e.g. {@code ledger?unit=4&overdue=1&group=category}). Unknown values are reported, never guessed.
 */
public final class LedgerUrl {

    public static final String MEETING = "meeting";
    public static final String YEAR = "year";
    public static final String UNIT = "unit";
    public static final String UNIT_ONLY = "unitonly";
    public static final String CATEGORY = "category";
    public static final String SOURCE = "source";
    public static final String TYPE = "type";
    public static final String STATUS = "status";
    public static final String LEADER = "leader";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String OVERDUE = "overdue";
    public static final String DUE_WITHIN = "due";
    public static final String STALE = "stale";
    public static final String OPEN = "open";
    public static final String ON_TRACK = "ontrack";
    public static final String AT_RISK = "risk";
    public static final String TEXT = "q";
    public static final String GROUP = "group";

    static final int MAX_DUE_WITHIN_DAYS = 366;

    private LedgerUrl() {
    }

    /** A parameter that could not be understood, e.g. {@code status=foo}. */
    public record Invalid(String name, String value) {
    }

    public record Parsed(LedgerFilter filter, LedgerGrouping grouping, List<Invalid> invalid) {
    }

    public static QueryParameters toQuery(LedgerFilter f, LedgerGrouping grouping) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, MEETING, f.getMeetingId());
        put(p, YEAR, f.getYear());
        put(p, UNIT, f.getUnitId());
        put(p, UNIT_ONLY, f.isUnitOnly() ? "1" : null);
        put(p, CATEGORY, f.getCategoryId());
        put(p, SOURCE, f.getSource() == null ? null : f.getSource().code());
        put(p, TYPE, f.getType() == null ? null : f.getType().code());
        put(p, STATUS, f.getStatus() == null ? null : f.getStatus().code());
        put(p, LEADER, f.getLeaderId());
        put(p, FROM, f.getDeadlineFrom());
        put(p, TO, f.getDeadlineTo());
        put(p, OVERDUE, f.isOverdueOnly() ? "1" : null);
        put(p, DUE_WITHIN, f.getDueWithinDays());
        put(p, STALE, f.isStaleOnly() ? "1" : null);
        put(p, OPEN, f.isOpenOnly() ? "1" : null);
        put(p, ON_TRACK, f.isOnTrackOnly() ? "1" : null);
        put(p, AT_RISK, f.isAtRiskOnly() ? "1" : null);
        put(p, TEXT, f.getText());
        put(p, GROUP, grouping == LedgerGrouping.UNIT ? null : grouping.code());
        return QueryParameters.simple(p);
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, value.toString());
        }
    }

    /** Reads the filter from the URL; ids must name existing meetings, units, categories and leaders. */
    public static Parsed parse(QueryParameters query, FilterOptions options) {
        Map<String, List<String>> params = query.getParameters();
        List<Invalid> invalid = new ArrayList<>();
        Reader r = new Reader(params, invalid);
        LedgerFilter f = new LedgerFilter();
        f.setMeetingId(r.id(MEETING, id -> exists(options.meetings(), id)));
        f.setYear(r.value(YEAR, s -> parseInt(s).filter(options.years()::contains)));
        f.setUnitId(r.id(UNIT, id -> exists(options.units(), id)));
        f.setUnitOnly(f.getUnitId() != null && Boolean.TRUE.equals(r.value(UNIT_ONLY, LedgerUrl::parseFlag)));
        f.setCategoryId(r.id(CATEGORY, id -> exists(options.categories(), id)));
        f.setSource(r.value(SOURCE, s -> Labelled.fromCode(ProblemSource.class, s)));
        f.setType(r.value(TYPE, s -> Labelled.fromCode(MeasureType.class, s)));
        f.setStatus(r.value(STATUS, s -> Labelled.fromCode(MeasureStatus.class, s)));
        f.setLeaderId(r.id(LEADER, options.isLeader()));
        f.setDeadlineFrom(r.value(FROM, LedgerUrl::parseDate));
        f.setDeadlineTo(r.value(TO, LedgerUrl::parseDate));
        f.setOverdueOnly(Boolean.TRUE.equals(r.value(OVERDUE, LedgerUrl::parseFlag)));
        f.setDueWithinDays(r.value(DUE_WITHIN,
                s -> parseInt(s).filter(d -> d >= 0 && d <= MAX_DUE_WITHIN_DAYS)));
        f.setStaleOnly(Boolean.TRUE.equals(r.value(STALE, LedgerUrl::parseFlag)));
        f.setOpenOnly(Boolean.TRUE.equals(r.value(OPEN, LedgerUrl::parseFlag)));
        f.setOnTrackOnly(Boolean.TRUE.equals(r.value(ON_TRACK, LedgerUrl::parseFlag)));
        f.setAtRiskOnly(Boolean.TRUE.equals(r.value(AT_RISK, LedgerUrl::parseFlag)));
        f.setText(r.value(TEXT, s -> Optional.of(s.length() > 200 ? s.substring(0, 200) : s)));
        LedgerGrouping grouping = r.value(GROUP, s -> Labelled.fromCode(LedgerGrouping.class, s));
        for (String name : params.keySet()) {
            if (!r.known.contains(name)) {
                invalid.add(new Invalid(name, String.join(",", params.get(name))));
            }
        }
        return new Parsed(f, grouping == null ? LedgerGrouping.UNIT : grouping, List.copyOf(invalid));
    }

    private static boolean exists(List<? extends AbstractEntity> entities, long id) {
        return entities.stream().anyMatch(e -> e.getId() == id);
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDate(String s) {
        try {
            return Optional.of(LocalDate.parse(s.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> parseFlag(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes" -> Optional.of(true);
            case "0", "false", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static final class Reader {
        private final Map<String, List<String>> params;
        private final List<Invalid> invalid;
        private final List<String> known = new ArrayList<>();

        Reader(Map<String, List<String>> params, List<Invalid> invalid) {
            this.params = params;
            this.invalid = invalid;
        }

        <T> T value(String name, Function<String, Optional<T>> parser) {
            known.add(name);
            List<String> values = params.get(name);
            if (values == null || values.isEmpty() || values.get(0).isBlank()) {
                return null;
            }
            String raw = values.get(0);
            Optional<T> parsed = parser.apply(raw);
            if (parsed.isEmpty()) {
                invalid.add(new Invalid(name, raw));
            }
            return parsed.orElse(null);
        }

        Long id(String name, LongPredicate exists) {
            return value(name, s -> {
                try {
                    long id = Long.parseLong(s.trim());
                    return exists.test(id) ? Optional.of(id) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
        }
    }
}
