package org.rectify.ledger.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService.FilterOptions;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemSource;

/** The ledger's URL format on its own: round trips, and what is refused. */
class LedgerUrlTest {

    private static final FilterOptions NO_ENTITIES = new FilterOptions(List.of(), List.of(2024, 2025), List.of(),
            List.of(), id -> false);

    private static LedgerUrl.Parsed parse(String query) {
        return LedgerUrl.parse(QueryParameters.fromString(query), NO_ENTITIES);
    }

    @Test
    void everyValueFilterSurvivesARoundTrip() {
        LedgerFilter filter = new LedgerFilter().setYear(2025).setSource(ProblemSource.HEART_TO_HEART_TALK)
                .setType(MeasureType.LONG_TERM).setStatus(MeasureStatus.PENDING_CLOSE)
                .setDeadlineFrom(LocalDate.of(2026, 1, 1)).setDeadlineTo(LocalDate.of(2026, 12, 31))
                .setOverdueOnly(true).setDueWithinDays(14).setStaleOnly(true).setText("谈心 & 50%");
        QueryParameters query = LedgerUrl.toQuery(filter, LedgerGrouping.CATEGORY);
        LedgerUrl.Parsed parsed = LedgerUrl.parse(QueryParameters.fromString(query.getQueryString()), NO_ENTITIES);
        assertThat(parsed.invalid()).isEmpty();
        assertThat(parsed.filter()).isEqualTo(filter);
        assertThat(parsed.grouping()).isEqualTo(LedgerGrouping.CATEGORY);
        assertThat(query.getQueryString()).contains("source=heart-to-heart-talk", "status=pending-close",
                "type=long-term", "group=category");
    }

    @Test
    void anEmptyFilterIsAnEmptyQueryAndGroupsByUnit() {
        assertThat(LedgerUrl.toQuery(new LedgerFilter(), LedgerGrouping.UNIT).getQueryString()).isEmpty();
        LedgerUrl.Parsed parsed = parse("");
        assertThat(parsed.filter().isEmpty()).isTrue();
        assertThat(parsed.grouping()).isEqualTo(LedgerGrouping.UNIT);
    }

    @Test
    void codesAreReadLeniently() {
        LedgerUrl.Parsed parsed = parse("status=IN_PROGRESS&type=Long-Term&overdue=true");
        assertThat(parsed.invalid()).isEmpty();
        assertThat(parsed.filter().getStatus()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(parsed.filter().getType()).isEqualTo(MeasureType.LONG_TERM);
        assertThat(parsed.filter().isOverdueOnly()).isTrue();
    }

    @Test
    void unknownValuesAreReportedAndIgnored() {
        LedgerUrl.Parsed parsed = parse("status=done&year=1999&unit=7&due=9999&from=yesterday&overdue=maybe"
                + "&group=leader&colour=red");
        assertThat(parsed.invalid()).extracting(LedgerUrl.Invalid::name)
                .containsExactlyInAnyOrder("status", "year", "unit", "due", "from", "overdue", "group", "colour");
        assertThat(parsed.filter().isEmpty()).isTrue();
        assertThat(parsed.grouping()).isEqualTo(LedgerGrouping.UNIT);
    }

    @Test
    void overLongTextIsCut() {
        LedgerUrl.Parsed parsed = parse("q=" + "字".repeat(500));
        assertThat(parsed.filter().getText()).hasSize(200);
    }
}
