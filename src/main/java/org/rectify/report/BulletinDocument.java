package org.rectify.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.rectify.report.Bulletin.Block;

/**
 * A notice as a Word document in the layout of official documents (党政机关公文格式, GB/T 9704): A4 with its margins,
 * the title in 小标宋 二号, the body in 仿宋 三号 at a fixed 28-point line with a two-character indent, part headings
 * in 黑体, 落款 centred over the date four characters from the right, "— N —" page numbers. Plain paragraphs and
 * tables only, so it stays editable in Word and WPS.
 */
final class BulletinDocument {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final String LATIN_FONT = "Times New Roman";
    /** 三号 = 16 pt; one Chinese character is 16 pt = 320 twips wide. */
    private static final int BODY_PT = 16;
    private static final int CHAR = 320;
    private static final int TABLE_PT = 12;
    /** A4 and the standard's margins (37/35/28/26 mm) in twips. */
    private static final int PAGE_W = 11906;
    private static final int PAGE_H = 16838;
    private static final int TOP = 2098;
    private static final int BOTTOM = 1984;
    private static final int LEFT = 1588;
    private static final int RIGHT = 1474;
    private static final int TEXT_W = PAGE_W - LEFT - RIGHT;

    private BulletinDocument() {
    }

    static void write(Bulletin b, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(b.title());
            pageNumbers(doc);
            page(doc);
            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 0);
            title.setSpacingAfter(560);
            text(title, b.title(), TITLE_FONT, 22, false);
            text(paragraph(doc, ParagraphAlignment.BOTH, 0), b.recipient(), BODY_FONT, BODY_PT, false);
            for (Block block : b.body()) {
                if (block instanceof Bulletin.Heading h) {
                    text(paragraph(doc, ParagraphAlignment.BOTH, 2 * CHAR), h.text(), HEADING_FONT, BODY_PT, false);
                } else if (block instanceof Bulletin.Paragraph p) {
                    text(paragraph(doc, ParagraphAlignment.BOTH, 2 * CHAR), p.text(), BODY_FONT, BODY_PT, false);
                } else if (block instanceof Bulletin.Table t) {
                    table(doc, t);
                }
            }
            // 落款: a blank line, the signer centred over the date, the date four characters from the right.
            paragraph(doc, ParagraphAlignment.RIGHT, 0);
            int dateRight = 4 * CHAR;
            XWPFParagraph signer = paragraph(doc, ParagraphAlignment.RIGHT, 0);
            signer.setIndentationRight(Math.max(0, dateRight + (width(b.dated()) - width(b.signer())) / 2));
            text(signer, b.signer(), BODY_FONT, BODY_PT, false);
            XWPFParagraph dated = paragraph(doc, ParagraphAlignment.RIGHT, 0);
            dated.setIndentationRight(dateRight);
            text(dated, b.dated(), BODY_FONT, BODY_PT, false);
            doc.write(out);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(TOP));
        margins.setBottom(BigInteger.valueOf(BOTTOM));
        margins.setLeft(BigInteger.valueOf(LEFT));
        margins.setRight(BigInteger.valueOf(RIGHT));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(992));
    }

    /** "— 1 —" in 宋体 四号, centred: a PAGE field between dashes. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        text(p, "— ", "宋体", 14, false);
        field(p, STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        field(p, STFldCharType.SEPARATE);
        text(p, "1", "宋体", 14, false);
        field(p, STFldCharType.END);
        text(p, " —", "宋体", 14, false);
    }

    private static void field(XWPFParagraph p, STFldCharType.Enum type) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(type);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, int firstLineIndent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        if (firstLineIndent > 0) {
            p.setIndentationFirstLine(firstLineIndent);
        }
        return p;
    }

    private static void text(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
    }

    /** A caption in 黑体, then a bordered full-width table whose header row repeats on every page. */
    private static void table(XWPFDocument doc, Bulletin.Table t) {
        XWPFParagraph caption = paragraph(doc, ParagraphAlignment.CENTER, 0);
        caption.setSpacingBefore(120);
        text(caption, t.caption(), HEADING_FONT, 14, false);
        int cols = t.headers().size();
        XWPFTable table = doc.createTable(t.rows().size() + 1, cols);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth(String.valueOf(TEXT_W));
        int units = t.widths().stream().mapToInt(Integer::intValue).sum();
        fill(table.getRow(0), t.headers(), t.widths(), units, true);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < t.rows().size(); r++) {
            fill(table.getRow(r + 1), t.rows().get(r), t.widths(), units, false);
            table.getRow(r + 1).setCantSplitRow(true);
        }
    }

    private static void fill(XWPFTableRow row, List<String> values, List<Integer> widths, int units, boolean header) {
        for (int c = 0; c < values.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(String.valueOf(TEXT_W * widths.get(c) / units));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            String v = values.get(c) == null ? "" : values.get(c);
            // Short cells (numbers, names) centred; long text justified.
            p.setAlignment(v.length() > 12 && !header ? ParagraphAlignment.BOTH : ParagraphAlignment.CENTER);
            p.setSpacingBetween(1.0);
            p.setSpacingAfter(0);
            text(p, v, header ? HEADING_FONT : BODY_FONT, TABLE_PT, false);
        }
    }

    /** Width of a line in twips: Chinese characters full width, ASCII half. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x80 ? CHAR / 2 : CHAR;
        }
        return w;
    }
}
