package org.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.testing.TestConfig.TODAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.NotAllowedException;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger's queries, run against each database the portal supports (H2 and MariaDB): filters, grouping,
 * paging and the edges of "overdue", "due soon" and "stale". Expected rows are named in {@link LedgerFixture}.
 */
abstract class LedgerServiceContract {

    private static final List<String> ALL = List.of("M-DUE-TODAY", "M-OVERDUE", "M-LONG-STALE", "M-LONG-FRESH",
            "M-CLOSED-LATE", "M-DUE-SOON", "M-EXTENDED", "M-PENDING-OVERDUE", "M-DUE-8", "M-CLOSED-ONTIME",
            "M-LAST-CLOSED", "M-LAST-OVERDUE");

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    Flyway flyway;
    @Autowired
    CategoryRepository categories;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    org.rectify.base.RectifyProperties properties;
    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    @BeforeEach
    void fixture() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
    }

    @org.junit.jupiter.api.AfterEach
    void logout() {
        TestLogin.logout();
    }

    @Test
    void aUnitContactSeesOnlyTheirUnitAndItsSubUnits() {
        fixture.login(LedgerFixture.CONTACT_A);
        assertThat(rows(new LedgerFilter())).containsExactlyInAnyOrder("M-DUE-TODAY", "M-OVERDUE", "M-DUE-SOON",
                "M-EXTENDED", "M-PENDING-OVERDUE", "M-CLOSED-ONTIME", "M-LAST-OVERDUE");
        assertThat(ledger.totals(new LedgerFilter()).total()).isEqualTo(7);
        assertThat(ledger.groups(new LedgerFilter(), LedgerGrouping.UNIT)).extracting(LedgerGroup::label)
                .containsExactly("部门甲", "支部甲一");
        assertThat(rows(new LedgerFilter().setUnitId(fixture.id(LedgerFixture.B))))
                .as("a filter cannot widen the scope").isEmpty();
        assertThat(ledger.filterOptions().units()).extracting(org.rectify.org.Unit::getName)
                .containsExactly("部门甲", "支部甲一");
        fixture.login(LedgerFixture.CONTACT_A1);
        assertThat(rows(new LedgerFilter())).containsExactlyInAnyOrder("M-DUE-SOON", "M-EXTENDED",
                "M-CLOSED-ONTIME");
    }

    @Test
    void anItemOutsideTheScopeIsRefusedLikeAMissingOneWithoutNamingItsUnit() {
        fixture.login(LedgerFixture.CONTACT_A);
        assertThat(ledger.detail(fixture.id("M-OVERDUE"))).isPresent();
        long foreign = fixture.id("M-CLOSED-LATE");
        assertThatThrownBy(() -> ledger.detail(foreign))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("access.itemUnavailable")
                .satisfies(e -> assertThat(((NotAllowedException) e).messageArgs()).containsExactly(String.valueOf(foreign)));
        long missing = 987_654_321L;
        assertThatThrownBy(() -> ledger.detail(missing))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("access.itemUnavailable")
                .satisfies(e -> assertThat(((NotAllowedException) e).messageArgs()).containsExactly(String.valueOf(missing)));
        // The office, who sees everything, is told plainly that an id does not exist.
        fixture.login(LedgerFixture.OFFICE);
        assertThat(ledger.detail(missing)).isEmpty();
    }

    @Test
    void leadersSeeEverythingAndMembersNothing() {
        fixture.login(LedgerFixture.LEADER_MEMBER);
        assertThat(rows(new LedgerFilter())).hasSize(ALL.size());
        fixture.login(LedgerFixture.PARTY_MEMBER);
        assertThatThrownBy(() -> ledger.find(new LedgerFilter(), null, 0, 10, List.of()))
                .isInstanceOf(NotAllowedException.class).hasMessage("access.memberNoLedger");
        assertThatThrownBy(() -> ledger.detail(fixture.id("M-OVERDUE"))).isInstanceOf(NotAllowedException.class);
        TestLogin.logout();
        assertThatThrownBy(() -> ledger.totals(new LedgerFilter()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private List<String> rows(LedgerFilter filter) {
        List<String> names = ledger.find(filter, null, 0, 1000, List.of()).stream().map(Measure::getContent)
                .toList();
        assertThat(ledger.count(filter, null)).as("count agrees with the rows").isEqualTo(names.size());
        return names;
    }

    @Test
    void problemsAreCountedByTypeAndStateNotMeasures() {
        LedgerService.ProblemTypeTotals current = ledger.problemTypeTotals(new LedgerFilter()
                .setMeetingId(fixture.id(LedgerFixture.CURRENT_MEETING)));
        // P1: two phased, open; P2: long-term with a closed phased one, open; P3: immediate and phased, open.
        assertThat(current).isEqualTo(new LedgerService.ProblemTypeTotals(0, 0, 0, 2, 0, 1));
        LedgerService.ProblemTypeTotals all = ledger.problemTypeTotals(new LedgerFilter());
        assertThat(all.phasedOpen()).isEqualTo(3);
        assertThat(all.total()).isEqualTo(4);
        LedgerService.ProblemTypeTotals closedOnly = ledger.problemTypeTotals(new LedgerFilter()
                .setStatus(MeasureStatus.CLOSED));
        assertThat(closedOnly.phasedDone()).as("problems whose matching measures are all closed").isEqualTo(3);
    }

    @Test
    void theSnapshotOfTodayAgreesWithTheLiveLedgerAndThePastIsEmptyBeforeTheItemsExisted() {
        long meeting = fixture.id(LedgerFixture.CURRENT_MEETING);
        LedgerService.MeetingSnapshot snap = ledger.snapshot(meeting, TODAY);
        LedgerService.LedgerTotals live = ledger.totals(new LedgerFilter().setMeetingId(meeting));
        assertThat(snap.measures()).isEqualTo(live.total());
        assertThat(snap.closed()).isEqualTo(live.closed());
        assertThat(snap.overdue()).isEqualTo(live.overdue());
        assertThat(snap.problemTypes()).isEqualTo(ledger.problemTypeTotals(new LedgerFilter().setMeetingId(meeting)));
        assertThat(snap.teamProblems()).isEqualTo(2);
        assertThat(snap.individualProblems()).isEqualTo(1);
        assertThat(snap.units()).extracting(LedgerService.UnitLine::unit).containsExactly("部门甲", "支部甲一", "部门乙");
        assertThat(snap.overdueItems()).extracting(LedgerService.OverdueLine::content)
                .containsExactly("M-PENDING-OVERDUE", "M-OVERDUE");
        assertThat(snap.problems()).extracting(LedgerService.ProblemLine::seqNo).startsWith(1, 2, 3);
        assertThat(snap.problems().get(1).member()).isEqualTo(LedgerFixture.MEMBER);
        assertThat(snap.problems().get(0).category()).isEqualTo("思想");

        LedgerService.MeetingSnapshot before = ledger.snapshot(meeting, TODAY.minusDays(1));
        assertThat(before.measures()).isZero();
        assertThat(before.problems()).isEmpty();
    }

    @Test
    void migrationsAreApplied() {
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("10");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(categories.findAllByOrderBySortOrderAscNameAsc()).extracting(Category::getName)
                .containsExactly("思想", "政治", "组织", "作风", "纪律", "廉洁", "能力", "为民服务");
    }

    @Test
    void noFilterShowsEveryRowInLedgerOrder() {
        // This year's meeting first, then by problem and measure number.
        assertThat(rows(new LedgerFilter())).containsExactlyElementsOf(ALL);
    }

    @Test
    void overdueIsRightAtTheEdges() {
        assertThat(rows(new LedgerFilter().setOverdueOnly(true)))
                .as("due yesterday, closing requested but not closed, and last year's open item; not: due today, "
                        + "long-term without deadline, closed late, extended")
                .containsExactlyInAnyOrder("M-OVERDUE", "M-PENDING-OVERDUE", "M-LAST-OVERDUE");
    }

    @Test
    void dueWithinCountsFromTodayInclusive() {
        assertThat(rows(new LedgerFilter().setDueWithinDays(7)))
                .containsExactlyInAnyOrder("M-DUE-TODAY", "M-DUE-SOON");
        assertThat(rows(new LedgerFilter().setDueWithinDays(0))).containsExactly("M-DUE-TODAY");
        assertThat(rows(new LedgerFilter().setDueWithinDays(8)))
                .containsExactlyInAnyOrder("M-DUE-TODAY", "M-DUE-SOON", "M-DUE-8");
    }

    @Test
    void staleMeansLongTermWithoutReportForMoreThanThePeriod() {
        assertThat(rows(new LedgerFilter().setStaleOnly(true))).containsExactly("M-LONG-STALE");
    }

    @Test
    void aLongTermItemEnteredAfterTheMeetingIsSilentFromTheDayItWasEntered() {
        int period = properties.longTermPeriodDays();
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly(); // the shared fixture keeps its exact counts
            long id = fixture.freshItem(LedgerFixture.B, LedgerFixture.MEMBER, MeasureType.LONG_TERM, null);
            Measure entered = ledger.rows(List.of(id)).get(0);
            assertThat(entered.getMeetingHeldOn()).as("the meeting is more than a period ago")
                    .isBefore(TODAY.minusDays(period));
            assertThat(entered.getCreatedOn()).isEqualTo(TODAY);
            assertThat(ledger.isStale(entered)).as("Java: entered today, nothing to report yet").isFalse();
            assertThat(rows(new LedgerFilter().setStaleOnly(true))).as("SQL: the same")
                    .containsExactly("M-LONG-STALE");
            assertThat(ledger.totals(new LedgerFilter()).stale()).isEqualTo(1);
            assertThat(ledger.reminderItems(7)).as("the mails: the same")
                    .noneMatch(item -> item.measureId() == id);

            // Entered a period and a day ago, still after the meeting, and silent since: stale, in both forms.
            em.createNativeQuery("update measure set created_on = :day where id = :id")
                    .setParameter("day", TODAY.minusDays(period + 1)).setParameter("id", id).executeUpdate();
            em.clear();
            Measure silent = ledger.rows(List.of(id)).get(0);
            assertThat(silent.getCreatedOn()).isAfter(silent.getMeetingHeldOn());
            assertThat(ledger.isStale(silent)).isTrue();
            assertThat(rows(new LedgerFilter().setStaleOnly(true)))
                    .containsExactlyInAnyOrder("M-LONG-STALE", silent.getContent());
            assertThat(ledger.reminderItems(7)).filteredOn(item -> item.measureId() == id)
                    .singleElement().matches(LedgerService.ReminderItem::stale);
        });
    }

    @Test
    void javaRulesAgreeWithSqlRules() {
        List<Measure> all = ledger.find(new LedgerFilter(), null, 0, 1000, List.of());
        for (int days : new int[] {0, 3, 7, 8, 30}) {
            List<String> sql = rows(new LedgerFilter().setDueWithinDays(days));
            List<String> java = all.stream().filter(m -> MeasureRules.isDueWithin(m, TODAY, days))
                    .map(Measure::getContent).toList();
            assertThat(sql).as("due within %d", days).containsExactlyInAnyOrderElementsOf(java);
        }
        assertThat(rows(new LedgerFilter().setOverdueOnly(true))).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(m -> m.isOverdue(TODAY)).map(Measure::getContent).toList());
        assertThat(rows(new LedgerFilter().setStaleOnly(true))).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(ledger::isStale).map(Measure::getContent).toList());
    }

    @Test
    void closedLateIsNotOverdueButOnRecord() {
        Measure late = find("M-CLOSED-LATE");
        assertThat(late.isOverdue(TODAY)).isFalse();
        assertThat(late.isClosedLate()).isTrue();
        assertThat(find("M-CLOSED-ONTIME").isClosedLate()).isFalse();
        Measure extended = find("M-EXTENDED");
        assertThat(extended.getOriginalDeadline()).isEqualTo(TODAY.minusDays(5));
        assertThat(extended.getDeadline()).isEqualTo(TODAY.plusDays(30));
        assertThat(extended.isOverdue(TODAY)).as("the extended deadline applies").isFalse();
    }

    private Measure find(String name) {
        return ledger.find(new LedgerFilter().setText(name), null, 0, 10, List.of()).get(0);
    }

    @Test
    void unitFilterIncludesSubUnits() {
        assertThat(rows(new LedgerFilter().setUnitId(fixture.id(LedgerFixture.A))))
                .containsExactlyInAnyOrder("M-DUE-TODAY", "M-OVERDUE", "M-DUE-SOON", "M-EXTENDED",
                        "M-PENDING-OVERDUE", "M-CLOSED-ONTIME", "M-LAST-OVERDUE");
        assertThat(rows(new LedgerFilter().setUnitId(fixture.id(LedgerFixture.A1))))
                .containsExactlyInAnyOrder("M-DUE-SOON", "M-EXTENDED", "M-CLOSED-ONTIME");
        assertThat(rows(new LedgerFilter().setUnitId(fixture.id(LedgerFixture.ROOT)))).hasSize(ALL.size());
        assertThat(rows(new LedgerFilter().setUnitId(-1L))).as("unknown unit matches nothing").isEmpty();
    }

    @Test
    void eachFilterNarrowsTheLedger() {
        assertThat(rows(new LedgerFilter().setMeetingId(fixture.id(LedgerFixture.LAST_MEETING))))
                .containsExactlyInAnyOrder("M-LAST-CLOSED", "M-LAST-OVERDUE");
        assertThat(rows(new LedgerFilter().setYear(2025))).hasSize(10);
        assertThat(rows(new LedgerFilter().setCategoryId(categories.findByName("作风").orElseThrow().getId())))
                .containsExactlyInAnyOrder("M-LONG-STALE", "M-LONG-FRESH", "M-CLOSED-LATE");
        assertThat(rows(new LedgerFilter().setSource(ProblemSource.INSPECTION)))
                .containsExactlyInAnyOrder("M-LAST-CLOSED", "M-LAST-OVERDUE");
        assertThat(rows(new LedgerFilter().setType(MeasureType.LONG_TERM)))
                .containsExactlyInAnyOrder("M-LONG-STALE", "M-LONG-FRESH");
        assertThat(rows(new LedgerFilter().setStatus(MeasureStatus.CLOSED)))
                .containsExactlyInAnyOrder("M-CLOSED-LATE", "M-CLOSED-ONTIME", "M-LAST-CLOSED");
        assertThat(rows(new LedgerFilter().setLeaderId(fixture.id(LedgerFixture.MEMBER))))
                .containsExactlyInAnyOrder("M-LONG-STALE", "M-LONG-FRESH", "M-CLOSED-LATE", "M-EXTENDED",
                        "M-LAST-CLOSED", "M-LAST-OVERDUE");
        assertThat(rows(new LedgerFilter().setDeadlineFrom(TODAY).setDeadlineTo(TODAY.plusDays(8))))
                .as("deadline range is inclusive and never matches items without a deadline")
                .containsExactlyInAnyOrder("M-DUE-TODAY", "M-DUE-SOON", "M-DUE-8");
        assertThat(rows(new LedgerFilter().setText("LATE"))).containsExactly("M-CLOSED-LATE");
        assertThat(rows(new LedgerFilter().setText("中心组学习")))
                .as("text matches the problem description too")
                .containsExactlyInAnyOrder("M-LAST-CLOSED", "M-LAST-OVERDUE");
    }

    @Test
    void onTrackIncludesItemsWithoutADeadlineAndUnitOnlyExcludesSubUnits() {
        assertThat(rows(new LedgerFilter().setOnTrackOnly(true))).containsExactlyInAnyOrder("M-DUE-TODAY",
                "M-LONG-STALE", "M-LONG-FRESH", "M-DUE-SOON", "M-EXTENDED", "M-DUE-8");
        assertThat(rows(new LedgerFilter().setUnitId(fixture.id(LedgerFixture.A)).setUnitOnly(true)))
                .containsExactlyInAnyOrder("M-DUE-TODAY", "M-OVERDUE", "M-PENDING-OVERDUE", "M-LAST-OVERDUE");
    }

    @Test
    void aContactSeesTheProblemButOnlyTheirOwnUnitsMeasures() {
        fixture.login(LedgerFixture.CONTACT_A1);
        var detail = ledger.detail(fixture.id("M-EXTENDED")).orElseThrow();
        assertThat(detail.visibleMeasures()).extracting(Measure::getContent)
                .containsExactly("M-DUE-SOON", "M-EXTENDED", "M-CLOSED-ONTIME");
        assertThat(detail.hiddenMeasures()).isEqualTo(2);
    }

    @Test
    void filtersCombine() {
        assertThat(rows(new LedgerFilter().setUnitId(fixture.id(LedgerFixture.A)).setOverdueOnly(true)
                .setYear(2025))).containsExactlyInAnyOrder("M-OVERDUE", "M-PENDING-OVERDUE");
    }

    @Test
    void likeWildcardsInTextAreLiteral() {
        assertThat(rows(new LedgerFilter().setText("60%_"))).hasSize(3);
        assertThat(rows(new LedgerFilter().setText("%"))).as("'%' is a character, not a wildcard").hasSize(3);
        assertThat(rows(new LedgerFilter().setText("_需"))).hasSize(3);
        assertThat(rows(new LedgerFilter().setText("!"))).isEmpty();
    }

    @Test
    void groupsByUnitInTreeOrderWithTotals() {
        List<LedgerGroup> groups = ledger.groups(new LedgerFilter(), LedgerGrouping.UNIT);
        assertThat(groups).extracting(LedgerGroup::label).containsExactly("部门甲", "支部甲一", "部门乙");
        Map<String, LedgerGroup> byLabel = groups.stream()
                .collect(Collectors.toMap(LedgerGroup::label, Function.identity()));
        assertThat(byLabel.get("部门甲")).extracting(LedgerGroup::total, LedgerGroup::closed, LedgerGroup::overdue)
                .containsExactly(4L, 0L, 3L);
        assertThat(byLabel.get("支部甲一")).extracting(LedgerGroup::total, LedgerGroup::closed, LedgerGroup::overdue)
                .containsExactly(3L, 1L, 0L);
        assertThat(byLabel.get("部门乙")).extracting(LedgerGroup::total, LedgerGroup::closed, LedgerGroup::overdue)
                .containsExactly(5L, 2L, 0L);
        // A group's rows are exactly the rows of its unit (not its sub-units).
        assertThat(ledger.find(new LedgerFilter(), byLabel.get("部门甲"), 0, 100, List.of()))
                .extracting(Measure::getContent)
                .containsExactly("M-DUE-TODAY", "M-OVERDUE", "M-PENDING-OVERDUE", "M-LAST-OVERDUE");
    }

    @Test
    void groupsByCategoryFollowTheFilter() {
        List<LedgerGroup> groups = ledger.groups(new LedgerFilter(), LedgerGrouping.CATEGORY);
        assertThat(groups).extracting(LedgerGroup::label, LedgerGroup::total, LedgerGroup::closed,
                        LedgerGroup::overdue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("思想", 4L, 1L, 2L),
                        org.assertj.core.groups.Tuple.tuple("作风", 3L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("廉洁", 5L, 1L, 1L));
        List<LedgerGroup> filtered = ledger.groups(new LedgerFilter().setOverdueOnly(true), LedgerGrouping.CATEGORY);
        assertThat(filtered).extracting(LedgerGroup::label, LedgerGroup::total)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("思想", 2L),
                        org.assertj.core.groups.Tuple.tuple("廉洁", 1L));
        assertThat(ledger.groups(new LedgerFilter(), LedgerGrouping.NONE)).isEmpty();
    }

    @Test
    void groupTotalsAreTheGroupsSizesInTheirOrder() {
        for (LedgerFilter filter : List.of(new LedgerFilter(), new LedgerFilter().setOverdueOnly(true))) {
            for (LedgerGrouping g : List.of(LedgerGrouping.UNIT, LedgerGrouping.MEETING, LedgerGrouping.CATEGORY)) {
                assertThat(ledger.groupTotals(filter, g)).as("%s", g).isNotEmpty().isEqualTo(ledger.groups(filter, g)
                        .stream().map(x -> new LedgerService.GroupTotal(x.key(), x.label(), x.total())).toList());
            }
        }
        assertThat(ledger.groupTotals(new LedgerFilter(), LedgerGrouping.NONE)).isEmpty();
    }

    @Test
    void totalsMatchTheGroups() {
        LedgerService.LedgerTotals totals = ledger.totals(new LedgerFilter());
        assertThat(totals.total()).isEqualTo(12);
        assertThat(totals.closed()).isEqualTo(3);
        assertThat(totals.overdue()).isEqualTo(3);
        assertThat(totals.completionPercent()).isEqualTo(25);
        for (LedgerGrouping g : List.of(LedgerGrouping.UNIT, LedgerGrouping.CATEGORY)) {
            List<LedgerGroup> groups = ledger.groups(new LedgerFilter(), g);
            assertThat(groups.stream().mapToLong(LedgerGroup::total).sum()).isEqualTo(totals.total());
            assertThat(groups.stream().mapToLong(LedgerGroup::closed).sum()).isEqualTo(totals.closed());
            assertThat(groups.stream().mapToLong(LedgerGroup::overdue).sum()).isEqualTo(totals.overdue());
        }
    }

    @Test
    void pagesAreStableAndComplete() {
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 12; offset += 5) {
            List<Measure> page = ledger.find(new LedgerFilter(), null, offset, 5, List.of());
            assertThat(page).hasSizeLessThanOrEqualTo(5);
            page.forEach(m -> paged.add(m.getContent()));
        }
        assertThat(paged).containsExactlyElementsOf(ALL);
        assertThat(ledger.find(new LedgerFilter(), null, 12, 5, List.of())).isEmpty();
        // Group paging, too: the second page of 部门甲 continues the first.
        LedgerGroup a = ledger.groups(new LedgerFilter(), LedgerGrouping.UNIT).get(0);
        List<String> first = ledger.find(new LedgerFilter(), a, 0, 2, List.of()).stream().map(Measure::getContent)
                .toList();
        List<String> second = ledger.find(new LedgerFilter(), a, 2, 2, List.of()).stream()
                .map(Measure::getContent).toList();
        assertThat(first).containsExactly("M-DUE-TODAY", "M-OVERDUE");
        assertThat(second).containsExactly("M-PENDING-OVERDUE", "M-LAST-OVERDUE");
    }

    @Test
    void sortsByDeadlineWithUndatedLast() {
        List<String> byDeadline = ledger.find(new LedgerFilter().setYear(2025), null, 0, 100,
                        List.of(new LedgerSort(LedgerSort.Field.DEADLINE, true))).stream()
                .map(Measure::getContent).toList();
        assertThat(byDeadline).containsExactly("M-CLOSED-ONTIME", "M-CLOSED-LATE", "M-PENDING-OVERDUE",
                "M-OVERDUE", "M-DUE-TODAY", "M-DUE-SOON", "M-DUE-8", "M-EXTENDED", "M-LONG-STALE", "M-LONG-FRESH");
    }

    @Test
    void detailHasTheProblemAndAllItsMeasures() {
        var detail = ledger.detail(fixture.id("M-EXTENDED")).orElseThrow();
        assertThat(detail.problem().getDescription()).isEqualTo("廉政风险排查不够全面");
        assertThat(detail.problem().getMeasures()).extracting(Measure::getContent)
                .containsExactly("M-DUE-SOON", "M-EXTENDED", "M-PENDING-OVERDUE", "M-DUE-8", "M-CLOSED-ONTIME");
        assertThat(detail.measure().getContent()).isEqualTo("M-EXTENDED");
        assertThat(ledger.detail(-5)).isEmpty();
    }
}
