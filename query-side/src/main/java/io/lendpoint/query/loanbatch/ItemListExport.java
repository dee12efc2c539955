package io.lendpoint.query.loanbatch;

import io.lendpoint.query.SpreadsheetText;
import io.lendpoint.api.loanbatch.ItemDescription;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the item list of a batch (A.1.3; §5.2: the point checks the delivery against it) for download and
 * printing, as CSV or XLSX, with the same layout:
 * <pre>
 * 借书清单 Item list
 * 批次 Batch          | batch id
 * 服务点 Service point | point name
 * 发货日期 Shipped on   | yyyy-MM-dd
 *                     (blank)
 * 条码 Barcode | 题名 Title | ISBN | 分类号 Category | 价格 Price (元)
 * … one row per item …
 * 合计 Total   | item count |      |                | total value
 * </pre>
 * CSV is UTF-8 with a byte order mark (without it Excel reads Chinese as GBK and garbles it) and CRLF line
 * ends; text cells that a spreadsheet would take for a formula (starting with {@code = + - @}, tab or CR) are
 * prefixed with {@code '}. XLSX is written with POI's streaming {@link SXSSFWorkbook} (only
 * {@value #ROWS_IN_MEMORY} rows in memory), text as text — so barcodes and ISBNs keep their leading zeros and
 * are not shown as 9.78E+12 — prices as numbers, set up for A4 with the column header repeated on every page.
 */
final class ItemListExport {

    static final String TITLE = "借书清单 Item list";
    static final List<String> COLUMNS = List.of("条码 Barcode", "题名 Title", "ISBN", "分类号 Category",
            "价格 Price (元)");
    static final String BATCH = "批次 Batch";
    static final String SERVICE_POINT = "服务点 Service point";
    static final String SHIPPED_ON = "发货日期 Shipped on";
    static final String TOTAL = "合计 Total";
    /** Index of the column header row; the items follow it. */
    static final int HEADER_ROW = 5;
    static final int ROWS_IN_MEMORY = 100;

    private static final char BOM = '\uFEFF';
    private static final CSVFormat CSV = CSVFormat.DEFAULT; // comma, "-quoting as needed, CRLF
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private ItemListExport() {
    }

    /** Writes {@code sheet} as CSV to {@code out}; flushes but does not close {@code out}. */
    static void writeCsv(ItemListSheet sheet, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        CSVPrinter csv = new CSVPrinter(writer, CSV);
        csv.printRecord(text(TITLE));
        csv.printRecord(text(BATCH), text(sheet.batchId()));
        csv.printRecord(text(SERVICE_POINT), text(sheet.servicePointName()));
        csv.printRecord(text(SHIPPED_ON), sheet.shippedOn() == null ? "" : DATE.format(sheet.shippedOn()));
        csv.println();
        csv.printRecord(COLUMNS);
        for (ItemDescription item : sheet.items()) {
            csv.printRecord(text(item.barcode()), text(item.title()), text(item.isbn()), text(item.category()),
                    price(item.listPrice()));
        }
        csv.printRecord(text(TOTAL), sheet.items().size(), "", "", price(sheet.totalValue()));
        csv.flush();
    }

    /** Writes {@code sheet} as an XLSX workbook to {@code out}; does not close {@code out}. */
    static void writeXlsx(ItemListSheet sheet, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            SXSSFSheet items = workbook.createSheet("借书清单");
            items.setColumnWidth(0, 20 * 256);
            items.setColumnWidth(1, 50 * 256);
            items.setColumnWidth(2, 18 * 256);
            items.setColumnWidth(3, 16 * 256);
            items.setColumnWidth(4, 14 * 256);

            Cell title = items.createRow(0).createCell(0);
            title.setCellValue(TITLE);
            title.setCellStyle(styles.title);
            label(items.createRow(1), BATCH, sheet.batchId(), styles);
            label(items.createRow(2), SERVICE_POINT, sheet.servicePointName(), styles);
            label(items.createRow(3), SHIPPED_ON, sheet.shippedOn() == null ? "" : DATE.format(sheet.shippedOn()),
                    styles);

            Row header = items.createRow(HEADER_ROW);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(styles.header);
            }
            int r = HEADER_ROW + 1;
            for (ItemDescription item : sheet.items()) {
                Row row = items.createRow(r++);
                text(row, 0, item.barcode(), styles.text);
                text(row, 1, item.title(), styles.wrapped);
                text(row, 2, item.isbn(), styles.text);
                text(row, 3, item.category(), styles.text);
                Cell price = row.createCell(4);
                price.setCellStyle(styles.price);
                if (item.listPrice() != null) {
                    price.setCellValue(item.listPrice().doubleValue());
                }
            }
            Row total = items.createRow(r);
            text(total, 0, TOTAL, styles.totalLabel);
            Cell count = total.createCell(1);
            count.setCellValue(sheet.items().size());
            count.setCellStyle(styles.count);
            text(total, 2, "", styles.totalLabel);
            text(total, 3, "", styles.totalLabel);
            Cell value = total.createCell(4);
            value.setCellValue(sheet.totalValue().doubleValue());
            value.setCellStyle(styles.totalPrice);

            items.createFreezePane(0, HEADER_ROW + 1);
            items.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            items.setFitToPage(true);
            PrintSetup print = items.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            // "&" starts a control code in page headers; "&&" prints one
            items.getHeader().setCenter((sheet.batchId() + "  " + sheet.servicePointName()).replace("&", "&&"));
            items.getFooter().setCenter("&P / &N");
            workbook.write(out);
        } finally {
            workbook.dispose(); // the temporary files of the streamed rows
            workbook.close();
        }
    }

    private static void label(Row row, String label, String value, Styles styles) {
        text(row, 0, label, styles.bold);
        text(row, 1, value, styles.text);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static String price(BigDecimal price) {
        return price == null ? "" : price.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String text(String value) {
        return SpreadsheetText.safe(value);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle price;
        final CellStyle count;
        final CellStyle totalLabel;
        final CellStyle totalPrice;

        Styles(SXSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);

            title = workbook.createCellStyle();
            title.setFont(titleFont);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            text = bordered(workbook);
            text.setDataFormat(formats.getFormat("@"));
            wrapped = bordered(workbook);
            wrapped.setDataFormat(formats.getFormat("@"));
            wrapped.setWrapText(true);
            header = bordered(workbook);
            header.setFont(boldFont);
            price = bordered(workbook);
            price.setDataFormat(formats.getFormat("0.00"));
            totalLabel = bordered(workbook);
            totalLabel.setFont(boldFont);
            count = bordered(workbook);
            count.setFont(boldFont);
            count.setDataFormat(formats.getFormat("0\" 册 items\""));
            totalPrice = bordered(workbook);
            totalPrice.setFont(boldFont);
            totalPrice.setDataFormat(formats.getFormat("0.00"));
        }

        private static CellStyle bordered(SXSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
