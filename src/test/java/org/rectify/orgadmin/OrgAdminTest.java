package org.rectify.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.rectify.testing.TestConfig.TODAY;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.InvalidActionException;
import org.rectify.base.InvalidDraftException;
import org.rectify.base.NotAllowedException;
import org.rectify.base.Violation;
import org.rectify.ledger.Category;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingRules;
import org.rectify.meeting.MeetingService;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.org.UnitRepository;
import org.rectify.orgadmin.UnitAdminService.UnitDraft;
import org.rectify.security.Role;
import org.rectify.security.UserAccount;
import org.rectify.security.UserAccountRepository;
import org.rectify.security.UserService;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.Sheets;
import org.rectify.testing.TestLogin;
import org.rectify.testing.SetupH2Test;
import org.rectify.transfer.ImportIssue;
import org.rectify.transfer.OrgImportService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The office's reference data: the unit tree (move, reorder, disable, delete only while unused), categories
 * (renames kept in the history, used ones disabled not deleted), people from an Excel list, meetings and their
 * filing, logins for many people with a password change at the first login.
 */
@SetupH2Test
class OrgAdminTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    UnitAdminService units;
    @Autowired
    UnitRepository unitRepository;
    @Autowired
    CategoryService categories;
    @Autowired
    PeopleService people;
    @Autowired
    OrgImportService orgImport;
    @Autowired
    MeetingService meetings;
    @Autowired
    UserService users;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    OrgService org;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @BeforeEach
    void office() {
        fixture.ensure();
        fixture.login(LedgerFixture.OFFICE);
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    private static String code() {
        return "X" + N.incrementAndGet();
    }

    @Test
    void aUnitMovesWithItsSubtreeAndNeverUnderItself() {
        long root = fixture.id(LedgerFixture.ROOT);
        Unit parent = units.create(new UnitDraft("机关党总支", code(), UnitKind.GENERAL_BRANCH, root));
        Unit child = units.create(new UnitDraft("第三支部", code(), UnitKind.BRANCH, parent.getId()));
        Unit grandChild = units.create(new UnitDraft("第三支部第一党小组", code(), UnitKind.BRANCH, child.getId()));
        Unit newParent = units.create(new UnitDraft("工会", code(), UnitKind.DEPARTMENT, root));

        Unit moved = units.update(child.getId(), child.getVersion(), new UnitDraft("第三支部", child.getCode(),
                UnitKind.BRANCH, newParent.getId()));
        assertThat(moved.getPath()).isEqualTo(newParent.getPath() + child.getId() + "/");
        assertThat(unitRepository.findById(grandChild.getId()).orElseThrow().getPath())
                .isEqualTo(moved.getPath() + grandChild.getId() + "/");

        Unit current = unitRepository.findById(newParent.getId()).orElseThrow();
        assertThatThrownBy(() -> units.update(current.getId(), current.getVersion(), new UnitDraft("工会",
                current.getCode(), UnitKind.DEPARTMENT, grandChild.getId())))
                .isInstanceOf(InvalidDraftException.class).satisfies(e -> assertThat(
                        ((InvalidDraftException) e).violations()).extracting(Violation::messageKey)
                        .contains("unit.parentInside"));
    }

    @Test
    void codesAreUniqueAndRequired() {
        assertThat(units.validate(null, new UnitDraft(" ", LedgerFixture.A.toLowerCase(), null, null)))
                .extracting(Violation::field, Violation::messageKey)
                .contains(tuple("name", "validation.requiredField"),
                        tuple("code", "unit.codeTaken"),
                        tuple("kind", "validation.requiredField"));
        assertThat(units.validate(null, new UnitDraft("名称", "含 空格", UnitKind.DEPARTMENT, null)))
                .extracting(Violation::messageKey).containsExactly("unit.codePattern");
    }

    @Test
    void aUsedUnitIsDisabledNotDeletedAndLeavesThePickers() {
        Unit a = unitRepository.findById(fixture.id(LedgerFixture.A)).orElseThrow();
        assertThatThrownBy(() -> units.delete(a.getId(), a.getVersion())).isInstanceOf(InvalidActionException.class)
                .hasMessage("unit.inUse");
        assertThatThrownBy(() -> units.setActive(a.getId(), a.getVersion(), false))
                .as("its sub-unit is active").hasMessage("unit.activeChildren");
        Unit spare = units.create(new UnitDraft("临时工作组", code(), UnitKind.DEPARTMENT, fixture.id(LedgerFixture.ROOT)));
        units.setActive(spare.getId(), spare.getVersion(), false);
        assertThat(org.activeUnitsInTreeOrder()).extracting(Unit::getId).doesNotContain(spare.getId());
        assertThat(org.unitsInTreeOrder()).extracting(Unit::getId).contains(spare.getId());
        Unit disabled = unitRepository.findById(spare.getId()).orElseThrow();
        units.delete(disabled.getId(), disabled.getVersion());
        assertThat(unitRepository.findById(spare.getId())).isEmpty();
    }

    @Test
    void siblingsAreReordered() {
        long root = fixture.id(LedgerFixture.ROOT);
        Unit parent = units.create(new UnitDraft("排序测试", code(), UnitKind.DEPARTMENT, root));
        Unit first = units.create(new UnitDraft("甲", code(), UnitKind.DEPARTMENT, parent.getId()));
        Unit second = units.create(new UnitDraft("乙", code(), UnitKind.DEPARTMENT, parent.getId()));
        units.move(second.getId(), true);
        List<String> order = org.unitsInTreeOrder().stream()
                .filter(u -> u.getParent() != null && u.getParent().getId().equals(parent.getId()))
                .map(Unit::getName).toList();
        assertThat(order).containsExactly("乙", "甲");
        assertThat(first.getId()).isNotNull();
    }

    @Test
    void aRenamedCategoryKeepsItsOldNameAndAUsedOneIsNotDeleted() {
        Category c = categories.create("担当作为" + N.incrementAndGet());
        Category renamed = categories.rename(c.getId(), c.getVersion(), "担当作为方面" + N.get());
        assertThat(categories.list()).filteredOn(r -> r.category().getId().equals(c.getId())).singleElement()
                .satisfies(r -> assertThat(r.formerNames()).containsExactly(c.getName()));
        assertThat(categories.history(c.getId())).extracting(CategoryService.NameChange::name)
                .containsExactly(c.getName(), renamed.getName());
        assertThatThrownBy(() -> categories.create(" " + renamed.getName() + " "))
                .hasMessage("category.exists");

        long used = fixture.categoryId("思想");
        Category thought = categories.list().stream().filter(r -> r.category().getId() == used).findFirst()
                .orElseThrow().category();
        assertThatThrownBy(() -> categories.delete(used, thought.getVersion())).hasMessage("category.inUse");
        categories.delete(renamed.getId(), renamed.getVersion());
    }

    @Test
    void aCategoryFromBeforeTheUpgradeKeepsItsNameInTheHistoryAtItsFirstRename() {
        CategoryService.CategoryRow seeded = categories.list().stream()
                .filter(r -> r.category().getName().equals("为民服务")).findFirst().orElseThrow();
        Category renamed = categories.rename(seeded.category().getId(), seeded.category().getVersion(), "为民服务宗旨");
        assertThat(categories.list()).filteredOn(r -> r.category().getId().equals(renamed.getId())).singleElement()
                .satisfies(r -> assertThat(r.formerNames()).containsExactly("为民服务"));
        categories.rename(renamed.getId(), renamed.getVersion(), "为民服务");
    }

    @Test
    void aContactWhoMovesTakesTheLoginAlongButNoItems() {
        String tag = "mv" + N.incrementAndGet();
        Person contact = people.create(new PeopleService.PersonDraft("调动联络员" + tag, tag + "@test.example.org",
                null, fixture.id(LedgerFixture.A1), Position.LIAISON, false));
        users.createLogins(List.of(new UserService.NewLogin(contact.getId(), tag, Role.UNIT_CONTACT)));
        Person moved = people.update(contact.getId(), contact.getVersion(), new PeopleService.PersonDraft(
                contact.getName(), contact.getEmail(), null, fixture.id(LedgerFixture.B), Position.LIAISON, false));
        assertThat(moved.getUnit().getId()).isEqualTo(fixture.id(LedgerFixture.B));
        assertThat(accounts.findByUsername(tag).orElseThrow().getUnit().getId())
                .isEqualTo(fixture.id(LedgerFixture.B));
    }

    @Test
    void loginsGrantNoMoreThanThePostNeeds() {
        long staffId = people.create(new PeopleService.PersonDraft("普通工作人员" + N.incrementAndGet(), null, null,
                fixture.id(LedgerFixture.A), Position.STAFF, false)).getId();
        assertThatThrownBy(() -> users.create(new UserService.UserDraft("lead" + N.get(), "某人", Role.LEADER,
                staffId, null), "long-enough")).hasMessage("user.leaderNotCommittee");
        assertThatThrownBy(() -> users.create(new UserService.UserDraft("top" + N.get(), "某人", Role.UNIT_CONTACT,
                null, fixture.id(LedgerFixture.ROOT)), "long-enough")).hasMessage("user.contactAtTop");
    }

    @Test
    void onlyTheOfficeKeepsTheReferenceData() {
        fixture.login(LedgerFixture.LEADER_SECRETARY);
        assertThatThrownBy(() -> categories.create("新类别")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> units.tree()).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> people.count(new PeopleService.PeopleQuery(null, null, false)))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void unitsAndPeopleComeFromAnExcelListAndASecondImportChangesNothing() throws Exception {
        String tag = String.valueOf(N.incrementAndGet());
        Path file;
        try (Sheets s = new Sheets()) {
            s.row("单位和人员名单");
            s.row("单位名称", "单位编码", "上级单位", "单位类型");
            // A branch named before its parent: parents may come later in the sheet.
            s.row("第九党支部" + tag, "ZB9-" + tag, "机关党总支" + tag, "党支部");
            s.row("机关党总支" + tag, "ZZ-" + tag, LedgerFixture.ROOT, "党总支");
            s.row("不存在的下级" + tag, "BAD-" + tag, "没有这个单位", "科室");
            s.sheet("人员");
            s.row("姓名", "所在单位", "职务", "班子成员", "邮箱", "手机");
            s.row("钱九" + tag, "第九党支部" + tag, "联络员", "否", "qian" + tag + "@test.example.org", "13800000000");
            s.row("孙总" + tag, "ZZ-" + tag, "书记", "", "", "");
            s.row("李某" + tag, "信息中心", "联络员", "", "", "");
            s.row("周某" + tag, "机关党总支" + tag, "打杂", "", "", "");
            file = s.write();
        }
        OrgImportService.Preview preview = orgImport.preview(file);
        assertThat(preview.issues()).extracting(i -> i.sheet() + " " + i.row() + " " + i.column() + " "
                + i.messageKey()).containsExactly(
                "整改台账 5 上级单位 import.org.unknownParent",
                "人员 4 所在单位 import.unknownUnit",
                "人员 5 职务 import.org.positionUnknown");
        assertThat(preview.newUnits()).isEqualTo(2);
        assertThat(preview.newPeople()).isEqualTo(2);
        assertThatThrownBy(() -> orgImport.commit(preview, false, n -> { })).hasMessage("import.hasErrors");

        OrgImportService.Result result = orgImport.commit(preview, true, n -> { });
        assertThat(result.units()).isEqualTo(2);
        assertThat(result.people()).isEqualTo(2);
        Unit branch = unitRepository.findByCode("ZB9-" + tag).orElseThrow();
        Unit general = unitRepository.findByCode("ZZ-" + tag).orElseThrow();
        assertThat(branch.getPath()).isEqualTo(general.getPath() + branch.getId() + "/");
        assertThat(general.getKind()).isEqualTo(UnitKind.GENERAL_BRANCH);
        List<PeopleService.PersonRow> found = people.find(new PeopleService.PeopleQuery(tag, null, false), 0, 10);
        assertThat(found).extracting(r -> r.person().getName()).containsExactlyInAnyOrder("钱九" + tag, "孙总" + tag);
        assertThat(found).filteredOn(r -> r.person().getName().startsWith("孙总")).singleElement()
                .satisfies(r -> assertThat(r.person().isCommitteeMember()).as("书记 is a committee member").isTrue());

        OrgImportService.Preview again = orgImport.preview(file);
        assertThat(again.newUnits() + again.changedUnits() + again.newPeople() + again.changedPeople()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.issues()).extracting(ImportIssue::row).containsExactly(5, 4, 5);
    }

    @Test
    void theFilingIsLateTheDayAfterItsLastDay() {
        Meeting m = meetings.save(new MeetingService.MeetingDraft(null, null, "报备测试" + N.incrementAndGet(),
                MeetingKind.ORGANIZATIONAL_LIFE, fixture.id(LedgerFixture.A1), 2025, TODAY.minusDays(15), null, null,
                0, 0, MeetingStatus.HELD, 15, null, List.of()));
        assertThat(m.filingDueOn()).isEqualTo(TODAY);
        assertThat(MeetingRules.isFilingOverdue(m, TODAY)).as("filing on the last day is in time").isFalse();
        assertThat(MeetingRules.isFilingOverdue(m, TODAY.plusDays(1))).isTrue();
        assertThat(meetings.filingOverdue()).extracting(Meeting::getId).doesNotContain(m.getId());

        Meeting late = meetings.save(new MeetingService.MeetingDraft(null, null, "逾期报备" + N.incrementAndGet(),
                MeetingKind.ORGANIZATIONAL_LIFE, fixture.id(LedgerFixture.A1), 2025, TODAY.minusDays(20), null, null,
                0, 0, MeetingStatus.HELD, 15, null, List.of()));
        assertThat(meetings.filingOverdue()).extracting(Meeting::getId).contains(late.getId());
        meetings.markFiled(late.getId(), late.getVersion(), TODAY);
        assertThat(meetings.filingOverdue()).extracting(Meeting::getId).doesNotContain(late.getId());
    }

    @Test
    void aMeetingKeepsItsRules() {
        MeetingService.MeetingDraft future = new MeetingService.MeetingDraft(null, null, "未来会议",
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2026, TODAY.plusDays(10), null, null,
                0, -1, MeetingStatus.HELD, 0, null, List.of(new MeetingService.AttendeeDraft(
                fixture.id(LedgerFixture.SECRETARY), Position.SECRETARY, null), new MeetingService.AttendeeDraft(
                fixture.id(LedgerFixture.SECRETARY), Position.SECRETARY, null)));
        assertThat(meetings.validate(future)).extracting(Violation::field, Violation::messageKey).containsExactly(
                tuple("status", "meeting.notHeldYet"),
                tuple("criticismsCount", "meeting.countNegative"),
                tuple("filingDays", "meeting.filingDaysRange"),
                tuple("attendee.person", "meeting.attendeeTwice"));
        Meeting current = meetings.get(fixture.id(LedgerFixture.CURRENT_MEETING));
        MeetingService.MeetingDraft completed = new MeetingService.MeetingDraft(current.getId(),
                current.getVersion(), current.getTitle(), current.getKind(), current.getOrganization().getId(),
                current.getYear(), current.getHeldOn(), null, null, 0, 0, MeetingStatus.COMPLETED, 15, null,
                List.of());
        assertThat(meetings.validate(completed)).extracting(Violation::messageKey).containsExactly(
                "meeting.openItems");
    }

    @Test
    void attendeesKeepThePositionTheyHeldThen() {
        Meeting m = meetings.save(new MeetingService.MeetingDraft(null, null, "职务测试" + N.incrementAndGet(),
                MeetingKind.DEMOCRATIC_LIFE, fixture.id(LedgerFixture.ROOT), 2025, TODAY.minusDays(100), null, null,
                0, 0, MeetingStatus.RECTIFYING, 15, TODAY.minusDays(90), List.of(
                new MeetingService.AttendeeDraft(fixture.id(LedgerFixture.MEMBER), Position.DEPUTY_SECRETARY,
                        "分管组织工作"),
                new MeetingService.AttendeeDraft(fixture.id(LedgerFixture.SECRETARY), Position.SECRETARY, null))));
        Meeting read = meetings.get(m.getId());
        assertThat(read.getAttendees()).extracting(a -> a.getPerson().getName() + ":" + a.getPosition() + ":"
                + a.getDuties()).containsExactly(LedgerFixture.MEMBER + ":DEPUTY_SECRETARY:分管组织工作",
                LedgerFixture.SECRETARY + ":SECRETARY:null");
        // Reordered and one changed: the rows of people who stay are kept.
        meetings.save(new MeetingService.MeetingDraft(read.getId(), read.getVersion(), read.getTitle(),
                read.getKind(), read.getOrganization().getId(), read.getYear(), read.getHeldOn(), null, null, 0, 0,
                read.getStatus(), 15, read.getFiledOn(), List.of(
                new MeetingService.AttendeeDraft(fixture.id(LedgerFixture.SECRETARY), Position.SECRETARY, "全面工作"),
                new MeetingService.AttendeeDraft(fixture.id(LedgerFixture.MEMBER), Position.DEPUTY_SECRETARY,
                        "分管组织工作"))));
        assertThat(meetings.get(m.getId()).getAttendees()).extracting(a -> a.getPerson().getName())
                .containsExactly(LedgerFixture.SECRETARY, LedgerFixture.MEMBER);
    }

    @Test
    void loginsForManyPeopleInOneStepMustChangeTheirPasswordFirst() {
        long unit = fixture.id(LedgerFixture.B);
        Person one = people.create(new PeopleService.PersonDraft("新联络员甲" + N.incrementAndGet(),
                "new.contact" + N.get() + "@test.example.org", null, unit, Position.LIAISON, false));
        Person two = people.create(new PeopleService.PersonDraft("新联络员乙" + N.get(), null, "139 0000 " + N.get(),
                unit, Position.LIAISON, false));
        java.util.Set<String> taken = new java.util.HashSet<>();
        String u1 = users.suggestUsername(one, taken);
        taken.add(u1);
        String u2 = users.suggestUsername(two, taken);
        assertThat(u1).isEqualTo("new.contact" + N.get());
        assertThat(u2).startsWith("1390000");

        assertThatThrownBy(() -> users.createLogins(List.of(new UserService.NewLogin(one.getId(), u1,
                Role.UNIT_CONTACT), new UserService.NewLogin(two.getId(), u1, Role.UNIT_CONTACT))))
                .as("all or none").hasMessage("user.exists");
        assertThat(accounts.existsByUsername(u1)).isFalse();

        List<UserService.Credentials> made = users.createLogins(List.of(
                new UserService.NewLogin(one.getId(), u1, Role.UNIT_CONTACT),
                new UserService.NewLogin(two.getId(), u2, Role.UNIT_CONTACT)));
        assertThat(made).extracting(UserService.Credentials::username).containsExactly(u1, u2);
        UserAccount account = accounts.findByUsername(u1).orElseThrow();
        assertThat(account.isMustChangePassword()).isTrue();
        assertThat(account.getUnit().getId()).isEqualTo(unit);
        assertThat(encoder.matches(made.get(0).password(), account.getPasswordHash())).isTrue();
        assertThatThrownBy(() -> users.createLogins(List.of(new UserService.NewLogin(one.getId(), "another" + N.get(),
                Role.UNIT_CONTACT)))).hasMessage("user.personHasLogin");

        TestLogin.as(new org.rectify.security.Actor(account.getId(), u1, one.getName(), Role.UNIT_CONTACT,
                one.getId(), unit));
        assertThatThrownBy(() -> users.changeOwnPassword("wrong", "a-new-secret")).hasMessage("password.currentWrong");
        assertThatThrownBy(() -> users.changeOwnPassword(made.get(0).password(), "short"))
                .hasMessage("user.passwordTooShort");
        users.changeOwnPassword(made.get(0).password(), "a-new-secret");
        UserAccount changed = accounts.findByUsername(u1).orElseThrow();
        assertThat(changed.isMustChangePassword()).isFalse();
        assertThat(encoder.matches("a-new-secret", changed.getPasswordHash())).isTrue();
    }
}
