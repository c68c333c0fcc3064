package org.rectify.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.Problem;
import org.rectify.ledger.ProblemScope;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingAttendee;
import org.rectify.meeting.MeetingService;
import org.rectify.org.Person;
import org.springframework.stereotype.Service;

/**
 * 三类清单 of a meeting for filing with the superior committee (seed 002): 岗位职责清单 (each attendee's post and
 * duties, with their own problems and the measures they lead), 检视问题清单 (the team's problems, then each member's,
 * with category, source and cause), 整改落实清单 (the meeting's ledger). One workbook, three sheets, each set up to
 * print. Every number comes from the ledger's own queries.
 */
@Service
public class ThreeListsService {

    private final MeetingService meetings;
    private final LedgerService ledger;
    private final LedgerExportService export;

    public ThreeListsService(MeetingService meetings, LedgerService ledger, LedgerExportService export) {
        this.meetings = meetings;
        this.ledger = ledger;
        this.export = export;
    }

    /** Writes the workbook to a new temporary file (the caller hands it over and deletes it). */
    public Path export(long meetingId, LedgerExportService.Progress progress) {
        try {
            Path file = Files.createTempFile("rectify-lists-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                write(meetingId, progress, out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "2025年度党委领导班子民主生活会三类清单.xlsx" */
    public String fileName(long meetingId) {
        return safe(meetings.get(meetingId).getTitle()) + "三类清单.xlsx";
    }

    void write(long meetingId, LedgerExportService.Progress progress, OutputStream out) throws IOException {
        Meeting m = meetings.get(meetingId);
        List<Problem> problems = ledger.problemsOf(meetingId);
        LedgerFilter mine = new LedgerFilter().setMeetingId(meetingId);
        String title = export.title(mine);
        String base = title.endsWith("整改台账") ? title.substring(0, title.length() - 4) : title;
        String asOf = "截至" + LedgerSheet.day(ledger.today());
        SXSSFWorkbook wb = new SXSSFWorkbook(LedgerExportService.WINDOW);
        wb.setCompressTempFiles(true);
        try {
            duties(wb, base, asOf, m, problems, mine);
            problems(wb, base, asOf, m, problems);
            LedgerSheet sheet = new LedgerSheet(wb, "整改落实清单", base + "整改落实清单", asOf, export::label);
            export.write(sheet, mine, LedgerGrouping.NONE, progress);
            sheet.finish();
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** 岗位职责清单: the attendees in their order, with what the ledger holds for each. */
    private void duties(SXSSFWorkbook wb, String base, String asOf, Meeting m, List<Problem> problems,
            LedgerFilter mine) {
        Map<Long, Long> ownProblems = countPerMember(problems);
        Map<Long, Long> ledMeasures = ledger.measuresPerLeader(mine);
        TableSheet sheet = new TableSheet(wb, "岗位职责清单", base + "岗位职责清单", asOf, false, List.of(
                new TableSheet.Column("序号", 6, true), new TableSheet.Column("姓名", 10, true),
                new TableSheet.Column("职务", 14, true), new TableSheet.Column("岗位职责（分管工作）", 44, false),
                new TableSheet.Column("个人检视问题（个）", 11, true),
                new TableSheet.Column("牵头整改措施（项）", 11, true)));
        int no = 0;
        for (MeetingAttendee a : m.getAttendees()) {
            Person p = a.getPerson();
            sheet.row(++no, p.getName(), export.label(a.getPosition().messageKey()), a.getDuties(),
                    ownProblems.getOrDefault(p.getId(), 0L), ledMeasures.getOrDefault(p.getId(), 0L));
        }
        if (no == 0) {
            sheet.note("本次会议未登记参会班子成员。");
        }
    }

    /** 检视问题清单: the team's problems, then each member's under their name, in the attendees' order. */
    private void problems(SXSSFWorkbook wb, String base, String asOf, Meeting m, List<Problem> problems) {
        TableSheet sheet = new TableSheet(wb, "检视问题清单", base + "检视问题清单", asOf, true, List.of(
                new TableSheet.Column("序号", 6, true), new TableSheet.Column("问题类别", 10, true),
                new TableSheet.Column("问题来源", 14, true), new TableSheet.Column("问题描述", 48, false),
                new TableSheet.Column("原因剖析", 40, false), new TableSheet.Column("班子成员", 10, true)));
        List<Problem> team = problems.stream().filter(p -> p.getScope() == ProblemScope.TEAM).toList();
        Map<Person, List<Problem>> individual = new LinkedHashMap<>();
        for (MeetingAttendee a : m.getAttendees()) {
            individual.put(a.getPerson(), new ArrayList<>());
        }
        for (Problem p : problems) {
            if (p.getScope() == ProblemScope.INDIVIDUAL && p.getMember() != null) {
                // Entities are equal by id; a member not registered as attendee still gets a section.
                individual.computeIfAbsent(p.getMember(), k -> new ArrayList<>()).add(p);
            }
        }
        sheet.section("一、领导班子检视问题（" + team.size() + "个）");
        team.forEach(p -> row(sheet, p));
        long members = individual.values().stream().filter(l -> !l.isEmpty()).count();
        long count = individual.values().stream().mapToLong(List::size).sum();
        sheet.section("二、班子成员个人检视问题（" + members + "人，" + count + "个）");
        for (Map.Entry<Person, List<Problem>> e : individual.entrySet()) {
            if (!e.getValue().isEmpty()) {
                sheet.section(e.getKey().getName() + "（" + e.getValue().size() + "个）");
                e.getValue().forEach(p -> row(sheet, p));
            }
        }
        sheet.note("共" + problems.size() + "个问题。");
    }

    private void row(TableSheet sheet, Problem p) {
        sheet.row(p.getSeqNo(), p.getCategory().getName(), export.label(p.getSource().messageKey()),
                p.getDescription(), p.getCauseAnalysis(), p.getMember() == null ? null : p.getMember().getName());
    }

    private static Map<Long, Long> countPerMember(List<Problem> problems) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Problem p : problems) {
            if (p.getScope() == ProblemScope.INDIVIDUAL && p.getMember() != null) {
                counts.merge(p.getMember().getId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** A title as a file name: no characters Windows refuses. */
    static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }
}
