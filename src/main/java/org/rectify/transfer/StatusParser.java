package org.rectify.transfer;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;

/**
 * 完成情况 and 整改进展 as sheets write them ("已完成", "已销号（2025-06-20）", "正在推进，完成60%", "未销号") into the
 * item's state: status, completion day, progress. Closing an item is never guessed: only a cell that says it is done
 * (已完成, 已销号, 已整改 …, not negated, not under 100 %) closes it; free text is taken as work in progress and the
 * preview says so.
 */
public final class StatusParser {

    public record State(MeasureStatus status, int progress, LocalDate completedOn, boolean understood) {
    }

    /** Words that say done, when the cell is one of them (a date or a remark may follow in brackets or after a comma). */
    private static final Pattern DONE = Pattern.compile(
            "^(已完成|已销号|已整改|已整改到位|已办结|已落实|已解决|整改完成|完成整改|完成|销号|办结|是|100[%％])"
                    + "([（(，,；;：:。].*|\\d{4}.*)?$");
    /** "未销号", "没有完成", "尚未整改到位", "不到位": a negation before the word that would mean done. */
    private static final Pattern NEGATED = Pattern.compile("(未|没有|尚未|暂未|仍未|不|无法)(完成|销号|办结|整改|落实|解决|到位)");
    private static final List<String> PENDING = List.of("申请销号", "待销号", "待核验");
    private static final List<String> RETURNED = List.of("已退回", "退回");
    private static final List<String> NOT_STARTED = List.of("未开始", "尚未开始", "未启动", "尚未启动");
    private static final List<String> OPEN = List.of("正在整改", "整改中", "推进中", "持续推进", "持续整改", "基本完成",
            "部分完成", "正在推进", "进行中", "已转入下年度", "长期坚持", "否", "未完成");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*[%％]");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");

    private StatusParser() {
    }

    /**
     * @param status   the 完成情况 cell
     * @param progress the 整改进展 cell
     * @param deadline the deadline in force, for a completion day the sheet leaves out
     * @param today    the import day
     */
    public static State parse(String status, String progress, MeasureType type, LocalDate deadline,
            LocalDate today) {
        String s = status == null ? "" : status.replaceAll("\\s", "");
        String p = progress == null ? "" : progress.strip();
        Integer percent = percent(s + " " + p);
        boolean understood = true;
        MeasureStatus result;
        if (s.isEmpty()) {
            result = p.isEmpty() && percent == null ? MeasureStatus.NOT_STARTED : MeasureStatus.IN_PROGRESS;
        } else if (NOT_STARTED.stream().anyMatch(s::contains)) {
            result = MeasureStatus.NOT_STARTED;
        } else if (PENDING.stream().anyMatch(s::contains)) {
            result = MeasureStatus.PENDING_CLOSE;
        } else if (RETURNED.stream().anyMatch(s::contains)) {
            result = MeasureStatus.RETURNED;
        } else if (NEGATED.matcher(s).find() || OPEN.stream().anyMatch(s::contains)
                || percent != null && percent < 100) {
            result = MeasureStatus.IN_PROGRESS;
        } else if (DONE.matcher(s).matches()) {
            result = MeasureStatus.CLOSED;
        } else {
            // Free text in 备注 ("计划年底前完成"): work in progress, and the preview says so.
            result = p.isEmpty() && percent == null ? MeasureStatus.NOT_STARTED : MeasureStatus.IN_PROGRESS;
            understood = false;
        }
        if (result == MeasureStatus.CLOSED && type == MeasureType.LONG_TERM) {
            result = MeasureStatus.IN_PROGRESS; // long-term items report on, they are never closed
        }
        if (result == MeasureStatus.CLOSED) {
            LocalDate done = date(s);
            if (done == null) {
                done = deadline != null && deadline.isBefore(today) ? deadline : today;
            }
            return new State(result, 100, done, understood);
        }
        int pct = percent == null ? (result == MeasureStatus.PENDING_CLOSE ? 100 : 0) : Math.min(99, percent);
        return new State(result, pct, null, understood);
    }

    private static Integer percent(String text) {
        Matcher m = PERCENT.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
