package org.rectify.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectify.base.NotAllowedException;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.rectify.ledger.Category;
import org.rectify.ledger.CategoryRepository;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemSource;
import org.rectify.org.OrgService;
import org.rectify.org.Person;
import org.rectify.org.Position;
import org.rectify.org.Unit;
import org.rectify.org.UnitKind;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blank workbooks the office fills in: a ledger with the paper ledger's columns and drop-down lists of the
 * portal's own categories, types, units and leaders; a units-and-people list. Each has a sheet of instructions.
 */
@Service
@Transactional(readOnly = true)
public class TemplateService {

    static final int TEMPLATE_ROWS = 2000;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final CategoryRepository categories;
    private final OrgService org;
    private final RectifyI18NProvider i18n;
    private final CurrentUser currentUser;

    public TemplateService(CategoryRepository categories, OrgService org, RectifyI18NProvider i18n,
            CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.categories = categories;
        this.org = org;
        this.i18n = i18n;
    }

    /** The columns of the ledger template, in order. */
    static final List<LedgerColumn> LEDGER_COLUMNS = List.of(LedgerColumn.SEQ, LedgerColumn.CATEGORY,
            LedgerColumn.SOURCE, LedgerColumn.SCOPE, LedgerColumn.MEMBER, LedgerColumn.PROBLEM, LedgerColumn.CAUSE,
            LedgerColumn.MEASURE, LedgerColumn.LEADER, LedgerColumn.UNIT, LedgerColumn.CONTACT,
            LedgerColumn.DEADLINE, LedgerColumn.TYPE, LedgerColumn.PROGRESS, LedgerColumn.STATUS);

    public byte[] ledgerTemplate() {
        requireOffice();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("整改台账");
            Row header = sheet.createRow(0);
            CellStyle style = Workbooks.header(wb);
            for (int i = 0; i < LEDGER_COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(LEDGER_COLUMNS.get(i).label());
                header.getCell(i).setCellStyle(style);
            }
            sheet.createFreezePane(0, 1);
            Workbooks.widths(sheet, 6, 10, 14, 10, 10, 36, 24, 36, 10, 14, 10, 14, 12, 30, 12);
            int last = TEMPLATE_ROWS;
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.CATEGORY), 1, last, "list_category",
                    categories.findAllByOrderBySortOrderAscNameAsc().stream().filter(Category::isActive)
                            .map(Category::getName).toList());
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.SOURCE), 1, last, "list_source",
                    Arrays.stream(ProblemSource.values()).map(s -> label(s.messageKey())).toList());
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.SCOPE), 1, last, "list_scope",
                    Arrays.stream(ProblemScope.values()).map(s -> label(s.messageKey())).toList());
            List<String> leaders = org.leaders().stream().map(Person::getName).toList();
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.MEMBER), 1, last, "list_member", leaders);
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.LEADER), 1, last, "list_leader", leaders);
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.UNIT), 1, last, "list_unit",
                    org.activeUnitsInTreeOrder().stream().map(Unit::getName).toList());
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.TYPE), 1, last, "list_type",
                    Arrays.stream(MeasureType.values()).map(t -> label(t.messageKey())).toList());
            Workbooks.dropDown(wb, sheet, col(LedgerColumn.STATUS), 1, last, "list_status",
                    List.of("未开始", "整改中", "已完成"));
            instructions(wb, List.of(
                    "一行一条整改措施。一个问题有多条措施时，可合并“序号、问题类别、存在问题”等单元格，也可以每行重复填写问题。",
                    "必填：存在问题、整改措施、责任领导（班子成员）、责任单位、整改时限或整改类型。",
                    "整改时限可写：2026-06-30、2026年6月30日、2026.12、2026年6月底前、年底前、上半年；"
                            + "即知即改的写“立行立改”，长期整改的写“长期坚持”。",
                    "问题类别、责任单位、责任领导须是平台中已有的名称（见下拉列表）；表中出现平台没有的名称时，"
                            + "导入预览会逐项列出，可选择由平台新建。",
                    "完成情况可写：已完成（可附完成日期）、整改中、未开始；整改进展写已做的工作，可写完成百分比，如“完成60%”。",
                    "问题归属填“班子问题”或“个人问题”；个人问题须在“班子成员”列填写本人姓名。",
                    "表格上方可以保留标题行，表头可以是两行（如“责任分工”下分“责任领导”“责任单位”）；空行和表尾备注会被忽略。",
                    "同一文件重复导入不会重复建立事项：已在台账中的行（问题和措施相同，或事项编号相同）会跳过。"));
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] orgTemplate() {
        requireOffice();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle style = Workbooks.header(wb);
            Sheet units = wb.createSheet("单位");
            headerRow(units, style, OrgImportService.UnitColumn.NAME.label(), OrgImportService.UnitColumn.CODE.label(),
                    OrgImportService.UnitColumn.PARENT.label(), OrgImportService.UnitColumn.KIND.label(),
                    OrgImportService.UnitColumn.ORDER.label());
            Workbooks.widths(units, 28, 14, 28, 12, 8);
            Sheet people = wb.createSheet("人员");
            headerRow(people, style, OrgImportService.PersonColumn.NAME.label(),
                    OrgImportService.PersonColumn.UNIT.label(), OrgImportService.PersonColumn.POSITION.label(),
                    OrgImportService.PersonColumn.COMMITTEE.label(), OrgImportService.PersonColumn.EMAIL.label(),
                    OrgImportService.PersonColumn.PHONE.label());
            Workbooks.widths(people, 12, 28, 14, 10, 28, 16);
            Workbooks.dropDown(wb, units, 3, 1, TEMPLATE_ROWS, "list_kind",
                    Arrays.stream(UnitKind.values()).map(k -> label(k.messageKey())).toList());
            Workbooks.dropDown(wb, people, 2, 1, TEMPLATE_ROWS, "list_position",
                    Arrays.stream(Position.values()).map(p -> label(p.messageKey())).toList());
            Workbooks.dropDown(wb, people, 3, 1, TEMPLATE_ROWS, "list_yesno", List.of("是", "否"));
            instructions(wb, List.of(
                    "“单位”表：一行一个单位。上级单位填写上级的名称或编码，可以是本表中的其他单位；最上级（党委）不填。",
                    "单位编码用字母、数字填写且不能重复；不填时由平台编号。已有单位按编码（无编码时按名称）匹配，再次导入会更新名称、类型和上级。",
                    "单位类型：党委、党组、党总支、科室（部门）、党支部；不填时按名称判断。",
                    "“人员”表：一行一人。所在单位填写单位名称或编码；职务：书记、副书记、委员、科室负责人、联络员、党员、工作人员。",
                    "班子成员填“是”的人可以担任整改措施的责任领导；不填时，书记、副书记、委员视为班子成员。",
                    "已有人员按“姓名+所在单位”匹配，再次导入会更新职务、邮箱和手机。"));
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The templates list the organization's people and units: the office's to hand out. */
    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }

    private static int col(LedgerColumn c) {
        return LEDGER_COLUMNS.indexOf(c);
    }

    private String label(String key) {
        return i18n.getTranslation(key, ZH);
    }

    private static void headerRow(Sheet sheet, CellStyle style, String... labels) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < labels.length; i++) {
            row.createCell(i).setCellValue(labels[i]);
            row.getCell(i).setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void instructions(XSSFWorkbook wb, List<String> lines) {
        Sheet sheet = wb.createSheet("填写说明");
        sheet.setColumnWidth(0, 120 * 256);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        for (int i = 0; i < lines.size(); i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue((i + 1) + ". " + lines.get(i));
            row.getCell(0).setCellStyle(wrap);
        }
        // The sheet to fill in comes first, the hidden lists last.
        wb.setSheetOrder("填写说明", wb.getNumberOfSheets() - 1);
        if (wb.getSheet("选项") != null) {
            wb.setSheetOrder("选项", wb.getNumberOfSheets() - 1);
        }
        wb.setActiveSheet(0);
        wb.setFirstVisibleTab(0);
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
