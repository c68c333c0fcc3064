package org.rectify.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.rectify.base.InvalidActionException;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.rectify.ledger.EventKind;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerService.Action;
import org.rectify.ledger.LedgerService.MeetingSnapshot;
import org.rectify.ledger.LedgerService.OverdueLine;
import org.rectify.ledger.LedgerService.ProblemLine;
import org.rectify.ledger.LedgerService.ProblemTypeTotals;
import org.rectify.ledger.LedgerService.TypeTotals;
import org.rectify.ledger.LedgerService.UnitLine;
import org.rectify.ledger.ProblemScope;
import org.rectify.meeting.Meeting;
import org.rectify.meeting.MeetingService;
import org.rectify.report.Bulletin.Block;
import org.rectify.report.Bulletin.Heading;
import org.rectify.report.Bulletin.Paragraph;
import org.rectify.report.Bulletin.Table;
import org.springframework.stereotype.Service;

/**
 * 整改落实情况通报 for a meeting as of a day, in the words of seed 002's third part. Every number is the ledger's
 * snapshot of that day ({@link LedgerService#snapshot}, read from the history), so a notice regenerated later for
 * the same day says the same. The text is an official document and therefore Chinese whatever the user's language;
 * it is composed once here and rendered on screen and in Word.
 */
@Service
public class BulletinService {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String[] PART = {"一", "二", "三", "四", "五", "六"};

    private final LedgerService ledger;
    private final MeetingService meetings;
    private final RectifyI18NProvider i18n;
    private final Today today;

    public BulletinService(LedgerService ledger, MeetingService meetings, RectifyI18NProvider i18n, Today today) {
        this.ledger = ledger;
        this.meetings = meetings;
        this.i18n = i18n;
        this.today = today;
    }

    /** What the office may change before generating: to whom it goes, who signs it, the day it bears. */
    public record Letterhead(String recipient, String signer, LocalDate dated) {
    }

    /** The usual heading: to the units and branches, signed by the meeting's organization, dated the day reported. */
    public Letterhead defaultLetterhead(long meetingId, LocalDate asOf) {
        Meeting m = meetings.get(meetingId);
        return new Letterhead("各党支部、机关各部门", m.getOrganization().getName(), asOf);
    }

    /**
     * The report on the previous meeting as the new one needs it: as of the new meeting's day, or today if that is
     * still ahead — but not before the previous ledger entered the portal.
     */
    public LocalDate previousYearAsOf(Meeting current, long previousId) {
        LocalDate day = current.getHeldOn().isBefore(today.date()) ? current.getHeldOn() : today.date();
        return clamp(day, firstDay(meetings.get(previousId)));
    }

    /**
     * The first day a report can be made for: the meeting's day, or the day its ledger entered the portal if later
     * (an imported ledger has no history before its import).
     */
    public LocalDate firstDay(Meeting m) {
        LocalDate entered = ledger.historyStarts(m.getId()).orElse(m.getHeldOn());
        return entered.isAfter(m.getHeldOn()) ? entered : m.getHeldOn();
    }

    /** The day clamped into [first, today]; today when the meeting is still ahead. */
    public LocalDate clamp(LocalDate day, LocalDate first) {
        LocalDate last = today.date();
        if (day == null || day.isAfter(last)) {
            day = last;
        }
        return day.isBefore(first) && !first.isAfter(last) ? first : day;
    }

    /** The days a report can be made for: from the meeting (or its ledger's entry) to today. */
    public void checkAsOf(Meeting m, LocalDate asOf) {
        if (asOf == null || asOf.isAfter(today.date())) {
            throw new InvalidActionException("bulletin.asOfFuture");
        }
        if (asOf.isBefore(m.getHeldOn())) {
            throw new InvalidActionException("bulletin.asOfBeforeMeeting", m.getHeldOn().toString());
        }
        LocalDate first = firstDay(m);
        if (asOf.isBefore(first)) {
            throw new InvalidActionException("bulletin.asOfBeforeHistory", first.toString());
        }
    }

    public Bulletin compose(long meetingId, LocalDate asOf, Letterhead heading) {
        Meeting m = meetings.get(meetingId);
        checkAsOf(m, asOf);
        MeetingSnapshot s = ledger.snapshot(meetingId, asOf);
        String org = m.getOrganization().getName();
        String meeting = m.getTitle().startsWith(org) ? m.getTitle() : org + m.getTitle();
        String day = LedgerSheet.day(asOf);
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph(org + "于" + LedgerSheet.day(m.getHeldOn()) + "召开" + m.getTitle() + "。会后，"
                + org + "对照会上检视查摆的问题和相互批评的意见，逐项制定整改措施，明确责任领导、责任单位和整改时限，"
                + "建立整改台账，逐项推动整改落实。现将截至" + day + "的整改落实情况通报如下："));
        int part = 0;
        body.add(new Heading(PART[part++] + "、总体情况"));
        overall(body, s, day);
        body.add(new Heading(PART[part++] + "、各责任单位整改落实情况"));
        units(body, s);
        body.add(new Heading(PART[part++] + "、逾期事项及督办情况"));
        overdue(body, s, day);
        body.add(new Heading(PART[part++] + "、检视问题整改情况"));
        problems(body, s);
        body.add(new Heading(PART[part] + "、下一步工作"));
        body.add(new Paragraph(s.open() == 0
                ? "本次会议确定的整改措施已全部完成。下一步，" + org + "将巩固整改成果，建立健全长效机制，防止问题反弹，"
                        + "并将整改落实情况在一定范围内公开，接受党员群众监督。"
                : "下一步，" + org + "将继续对照整改台账，对尚未完成的" + s.open() + "项整改措施逐项跟踪督办；"
                        + "对逾期事项督促责任单位说明原因、限期完成；对长期整改事项建立常态化推进机制，定期报告进展；"
                        + "整改完成情况在一定范围内公开，接受党员群众监督，确保件件有着落、事事有回音。"));
        return new Bulletin("关于" + meeting + "整改落实情况的通报", blankToEmpty(heading.recipient()) + "：", body,
                blankToEmpty(heading.signer()), LedgerSheet.day(heading.dated() == null ? asOf : heading.dated()));
    }

    /** 一、总体情况: problems by scope and (seed 002's sentence) by type, counted as problems; measures; the table. */
    private void overall(List<Block> body, MeetingSnapshot s, String day) {
        long members = s.problems().stream().filter(p -> p.scope() == ProblemScope.INDIVIDUAL)
                .map(ProblemLine::member).filter(Objects::nonNull).distinct().count();
        String found = s.individualProblems() == 0
                ? "针对领导班子检视查摆出来的" + s.teamProblems() + "个问题"
                : "针对领导班子检视查摆出来的" + s.teamProblems() + "个问题和" + members + "名班子成员检视出来的"
                        + s.individualProblems() + "个问题";
        body.add(new Paragraph(found + "，共制定整改措施" + s.measures() + "项，建立岗位职责、检视问题和整改落实三类清单，"
                + "梳理明确“即知即改”“阶段性整改”和“长期整改”三类问题。"));
        ProblemTypeTotals t = s.problemTypes();
        StringBuilder types = new StringBuilder("截至" + day + "，已整改即知即改类问题" + t.immediateDone()
                + "个，正在落实阶段性整改问题" + t.phasedOpen() + "个、长期整改问题" + t.longTerm() + "个");
        if (t.phasedDone() > 0) {
            types.append("；已完成阶段性整改问题").append(t.phasedDone()).append("个");
        }
        if (t.immediateOpen() > 0) {
            types.append("；即知即改类问题尚有").append(t.immediateOpen()).append("个未整改到位");
        }
        body.add(new Paragraph(types.append("。").toString()));
        StringBuilder measures = new StringBuilder("整改措施已销号" + s.closed() + "项，正在推进" + s.open()
                + "项，完成率" + s.completionPercent() + "%");
        measures.append(s.overdue() > 0 ? "；其中超过整改时限尚未完成" + s.overdue() + "项" : "，无逾期未完成事项");
        if (s.carried() > 0) {
            measures.append("；").append(s.carried()).append("项转入下一年度整改台账继续推进");
        }
        body.add(new Paragraph(measures.append("。").toString()));
        List<List<String>> rows = new ArrayList<>();
        for (TypeTotals type : s.byType()) {
            rows.add(List.of(label(type.type().messageKey()), n(type.total()), n(type.closed()), n(type.open()),
                    percent(type.closed(), type.total())));
        }
        rows.add(List.of("合计", n(s.measures()), n(s.closed()), n(s.open()), percent(s.closed(), s.measures())));
        body.add(new Table("表1  整改措施分类完成情况", List.of("整改类型", "整改措施（项）", "已销号（项）", "正在推进（项）",
                "完成率"), rows, List.of(3, 3, 3, 3, 2)));
    }

    /** 二、各责任单位: who finished, who has overdue items, and every unit's numbers. */
    private void units(List<Block> body, MeetingSnapshot s) {
        if (s.units().isEmpty()) {
            body.add(new Paragraph("本次会议尚未确定整改责任单位。"));
            return;
        }
        StringBuilder text = new StringBuilder("本次整改共涉及" + s.units().size() + "个责任单位。");
        List<String> done = s.units().stream().filter(u -> u.open() == 0 && u.total() > 0).map(UnitLine::unit)
                .toList();
        List<String> late = s.units().stream().filter(u -> u.overdue() > 0)
                .map(u -> u.unit() + "（" + u.overdue() + "项）").toList();
        if (!done.isEmpty()) {
            text.append(String.join("、", done)).append("已全部完成本单位承担的整改任务。");
        }
        if (!late.isEmpty()) {
            text.append(String.join("、", late)).append("存在逾期未完成事项，须加快推进。");
        }
        body.add(new Paragraph(text.toString()));
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (UnitLine u : s.units()) {
            rows.add(List.of(String.valueOf(++i), u.unit(), n(u.total()), n(u.closed()), n(u.open()), n(u.overdue()),
                    percent(u.closed(), u.total())));
        }
        body.add(new Table("表2  各责任单位整改落实情况", List.of("序号", "责任单位", "整改措施（项）", "已销号（项）",
                "正在推进（项）", "逾期（项）", "完成率"), rows, List.of(1, 4, 2, 2, 2, 2, 2)));
    }

    /** 三、逾期事项: each overdue measure with its deadline, days late and what was done about it by that day. */
    private void overdue(List<Block> body, MeetingSnapshot s, String day) {
        if (s.overdueItems().isEmpty()) {
            body.add(new Paragraph("截至" + day + "，无超过整改时限尚未完成的整改措施。"));
            return;
        }
        body.add(new Paragraph("截至" + day + "，共有" + s.overdueItems().size()
                + "项整改措施超过整改时限尚未完成，具体如下："));
        int i = 0;
        for (OverdueLine o : s.overdueItems()) {
            String deadline = o.originalDeadline() != null && !o.originalDeadline().equals(o.deadline())
                    ? "整改时限经批准由" + o.originalDeadline() + "延期至" + o.deadline()
                    : "整改时限" + o.deadline();
            String actions = o.actions().isEmpty() ? "尚未督办，请责任单位说明原因、限期完成。"
                    : "督办及处理情况：" + o.actions().stream().map(this::action).collect(Collectors.joining("；"))
                            + "。";
            body.add(new Paragraph((++i) + ". " + o.unit() + "承担的“" + o.content() + "”（第" + o.problemSeqNo()
                    + "个问题，责任领导" + o.leader() + "），" + deadline + "，已逾期" + o.daysOverdue() + "天。" + actions));
        }
    }

    private String action(Action a) {
        String on = a.on() == null ? "" : a.on().toString();
        String note = Texts.isBlank(a.note()) ? "" : "（" + Texts.strip(a.note()) + "）";
        if (a.kind() == EventKind.URGED) {
            return on + (Texts.isBlank(a.by()) ? "" : "由" + Texts.strip(a.by())) + "督办" + note;
        }
        String newDeadline = a.newDeadline() == null ? "" : "至" + a.newDeadline();
        return switch (a.kind()) {
            case EXTENSION_REQUESTED -> on + "申请延期" + newDeadline + note;
            case EXTENSION_APPROVED -> on + "批准延期" + newDeadline + note;
            case EXTENSION_REFUSED -> on + "不同意延期" + note;
            default -> on + label(a.kind().messageKey()) + note;
        };
    }

    /** 四、检视问题: done per scope, then every problem with its state. */
    private void problems(List<Block> body, MeetingSnapshot s) {
        long teamDone = s.problems().stream().filter(p -> p.scope() == ProblemScope.TEAM && p.done()).count();
        long individualDone = s.problems().stream().filter(p -> p.scope() == ProblemScope.INDIVIDUAL && p.done())
                .count();
        body.add(new Paragraph("领导班子检视问题" + s.teamProblems() + "个，已整改到位" + teamDone + "个；班子成员个人检视问题"
                + s.individualProblems() + "个，已整改到位" + individualDone + "个。各问题整改情况见表3。"));
        List<List<String>> rows = new ArrayList<>();
        for (ProblemLine p : s.problems()) {
            rows.add(List.of(String.valueOf(p.seqNo()), nz(p.category()), p.description(),
                    p.scope() == ProblemScope.TEAM ? "领导班子" : nz(p.member()), n(p.measures()), n(p.closed()),
                    state(p)));
        }
        body.add(new Table("表3  检视问题整改情况", List.of("序号", "类别", "问题描述", "归属", "整改措施（项）", "已销号（项）",
                "整改状态"), rows, List.of(2, 3, 14, 4, 3, 3, 5)));
    }

    private static String state(ProblemLine p) {
        if (p.measures() == 0) {
            return "未制定措施";
        }
        if (p.done()) {
            return "已整改到位";
        }
        if (p.carried() > 0 && p.closed() + p.carried() == p.measures()) {
            return "转入下一年度";
        }
        return p.overdue() > 0 ? "整改中（逾期" + p.overdue() + "项）" : "整改中";
    }

    /** The Word document of a composed notice. */
    public void writeWord(Bulletin b, OutputStream out) throws IOException {
        BulletinDocument.write(b, out);
    }

    /** "关于…的通报（截至2026年11月23日）.docx" */
    public String fileName(Bulletin b, LocalDate asOf) {
        return ThreeListsService.safe(b.title()) + "（截至" + LedgerSheet.day(asOf) + "）.docx";
    }

    private String label(String key) {
        return i18n.getTranslation(key, ZH);
    }

    private static String n(long v) {
        return String.valueOf(v);
    }

    private static String percent(long part, long all) {
        return all == 0 ? "—" : part * 100 / all + "%";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToEmpty(String s) {
        return Texts.strip(s);
    }
}
