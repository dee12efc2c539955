package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.ItemDescription;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemListExportTest {

    private static final ItemListSheet SHEET = new ItemListSheet("LB-2026-0007", "佛山市禅城区祖庙街道图书服务点",
            LocalDate.of(2026, 11, 20), List.of(
                    new ItemDescription("0000123", "平凡的世界（全三册）", "9787530212004", "I247.5",
                            new BigDecimal("108.00"), 2012),
                    new ItemDescription("A0000002", "Hello, \"World\"\n第二行", "7111213823", "TP312",
                            new BigDecimal("99.5"), null),
                    new ItemDescription("-0000003", "=HYPERLINK(\"http://evil\")", null, "K204", BigDecimal.ZERO,
                            null)));

    private static List<CSVRecord> csvRecords(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get())) {
            return parser.getRecords();
        }
    }

    @Test
    @DisplayName("A.1.3 the CSV item list reads back: batch, point, date, bilingual header, rows and the total")
    void csvRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ItemListExport.writeCsv(SHEET, out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");

        List<CSVRecord> records = csvRecords(bytes);
        assertThat(records.get(0).toList()).containsExactly("借书清单 Item list");
        assertThat(records.get(1).toList()).containsExactly("批次 Batch", "LB-2026-0007");
        assertThat(records.get(2).toList()).containsExactly("服务点 Service point", "佛山市禅城区祖庙街道图书服务点");
        assertThat(records.get(3).toList()).containsExactly("发货日期 Shipped on", "2026-11-20");
        assertThat(records.get(4).toList()).containsExactly("");
        assertThat(records.get(5).toList())
                .containsExactly("条码 Barcode", "题名 Title", "ISBN", "分类号 Category", "价格 Price (元)");
        assertThat(records.get(6).toList())
                .containsExactly("0000123", "平凡的世界（全三册）", "9787530212004", "I247.5", "108.00");
        assertThat(records.get(7).toList())
                .containsExactly("A0000002", "Hello, \"World\"\n第二行", "7111213823", "TP312", "99.50");
        assertThat(records.get(8).toList())
                .containsExactly("'-0000003", "'=HYPERLINK(\"http://evil\")", "", "K204", "0.00");
        assertThat(records.get(9).toList()).containsExactly("合计 Total", "3", "", "", "207.50");
        assertThat(records).hasSize(10);
    }

    @Test
    @DisplayName("A.1.3 the XLSX item list reads back with POI: cells, text kept as text, Chinese, the total row")
    void xlsxRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ItemListExport.writeXlsx(SHEET, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("借书清单");
            assertThat(strings(sheet.getRow(0))).containsExactly("借书清单 Item list");
            assertThat(strings(sheet.getRow(1))).containsExactly("批次 Batch", "LB-2026-0007");
            assertThat(strings(sheet.getRow(2))).containsExactly("服务点 Service point", "佛山市禅城区祖庙街道图书服务点");
            assertThat(strings(sheet.getRow(3))).containsExactly("发货日期 Shipped on", "2026-11-20");
            assertThat(strings(sheet.getRow(5)))
                    .containsExactly("条码 Barcode", "题名 Title", "ISBN", "分类号 Category", "价格 Price (元)");

            Row first = sheet.getRow(6);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("0000123");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("平凡的世界（全三册）");
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("9787530212004");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("I247.5");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(108.0);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).isEqualTo("Hello, \"World\"\n第二行");
            // no formula and no apostrophe in XLSX: a string cell is never evaluated
            assertThat(sheet.getRow(8).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(8).getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(sheet.getRow(8).getCell(2).getCellType()).isEqualTo(CellType.BLANK);

            Row total = sheet.getRow(9);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计 Total");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(total.getCell(1).getCellStyle().getDataFormatString()).contains("册 items");
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(207.5);
            assertThat(sheet.getLastRowNum()).isEqualTo(9);

            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(ItemListExport.HEADER_ROW);
            assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(ItemListExport.HEADER_ROW);
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        }
    }

    @Test
    @DisplayName("A.1.3 §5.2 a full batch of 2000 items streams into XLSX and CSV; counts and totals add up")
    void fullBatch() throws IOException {
        List<ItemDescription> items = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            items.add(new ItemDescription(String.format("B%07d", i), "第 " + i + " 册 Volume " + i, null, "I247",
                    new BigDecimal("12.34"), 2020));
        }
        ItemListSheet sheet = new ItemListSheet("LB-FULL", "服务点 & Co", LocalDate.of(2026, 1, 5), items);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ItemListExport.writeXlsx(sheet, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            XSSFSheet read = workbook.getSheetAt(0);
            assertThat(read.getLastRowNum()).isEqualTo(ItemListExport.HEADER_ROW + 2000 + 1);
            assertThat(read.getRow(ItemListExport.HEADER_ROW + 2000).getCell(1).getStringCellValue())
                    .isEqualTo("第 2000 册 Volume 2000");
            Row total = read.getRow(ItemListExport.HEADER_ROW + 2001);
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(2000.0);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(24680.0);
            assertThat(read.getHeader().getCenter()).isEqualTo("LB-FULL  服务点 && Co");
        }

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ItemListExport.writeCsv(sheet, csv);
        List<CSVRecord> records = csvRecords(csv.toByteArray());
        assertThat(records).hasSize(ItemListExport.HEADER_ROW + 1 + 2000 + 1);
        assertThat(records.get(records.size() - 1).toList()).containsExactly("合计 Total", "2000", "", "", "24680.00");
    }

    @Test
    @DisplayName("A.1.3 an empty item list still has its header and a zero total")
    void emptyList() throws IOException {
        ItemListSheet empty = new ItemListSheet("LB-EMPTY", "P", null, List.of());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ItemListExport.writeCsv(empty, csv);
        List<CSVRecord> records = csvRecords(csv.toByteArray());
        assertThat(records.get(3).toList()).containsExactly("发货日期 Shipped on", "");
        assertThat(records.get(6).toList()).containsExactly("合计 Total", "0", "", "", "0.00");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ItemListExport.writeXlsx(empty, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getSheetAt(0).getRow(6).getCell(4).getNumericCellValue()).isZero();
        }
    }

    private static List<String> strings(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }
}
