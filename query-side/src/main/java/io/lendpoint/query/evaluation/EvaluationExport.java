package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.EvaluationRanking;
import io.lendpoint.api.evaluation.MetricValue;
import io.lendpoint.api.evaluation.PointEvaluation;
import io.lendpoint.query.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * §7.1 evaluations for download: a point's (or the city's) metrics and the ranking, as CSV (UTF-8 with a byte order
 * mark, so Excel reads the Chinese) or XLSX (numbers as numbers). The same rows in both: a title, the period, a
 * header, one row per metric or point; a metric not applicable shows its reason instead of a value.
 */
final class EvaluationExport {

    static final List<String> METRIC_COLUMNS = List.of("指标代码 Code", "版本 Version", "指标 Metric", "Metric",
            "数值 Value", "上期 Previous", "变化 Change", "单位 Unit", "公式 Formula", "不适用原因 Not applicable");
    static final List<String> RANKING_COLUMNS = List.of("名次 Rank", "服务点 Point id", "名称 Name", "区 District",
            "综合得分 Composite", "上期 Previous", "变化 Change");

    private EvaluationExport() {
    }

    static List<List<Object>> rows(PointEvaluation evaluation) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("服务点绩效评估 Service point evaluation"));
        rows.add(List.of("服务点 Point", evaluation.servicePointId() == null ? "" : evaluation.servicePointId(),
                evaluation.name() == null ? "" : evaluation.name()));
        rows.add(List.of("期间 Period", evaluation.from().toString(), evaluation.to().toString()));
        rows.add(List.of("综合得分 Composite", number(evaluation.composite()), "上期 Previous",
                number(evaluation.previousComposite())));
        rows.add(List.of());
        rows.add(new ArrayList<>(METRIC_COLUMNS));
        for (MetricValue metric : evaluation.metrics()) {
            rows.add(List.of(metric.code(), metric.version(), metric.nameZh(), metric.nameEn(), number(metric.value()),
                    number(metric.previous()), number(metric.change()), metric.unit(), metric.formula(),
                    metric.notApplicable() == null ? "" : metric.notApplicable()));
        }
        return rows;
    }

    static List<List<Object>> rows(EvaluationRanking ranking) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("服务点排名 Service point ranking"));
        rows.add(List.of("期间 Period", ranking.from().toString(), ranking.to().toString()));
        rows.add(List.of("区 District", ranking.district() == null ? "全市 City" : ranking.district()));
        rows.add(List.of());
        rows.add(new ArrayList<>(RANKING_COLUMNS));
        for (EvaluationRanking.Entry entry : ranking.entries()) {
            rows.add(List.of(entry.rank() == null ? "" : entry.rank(), entry.servicePointId(),
                    entry.name() == null ? "" : entry.name(), entry.district() == null ? "" : entry.district(),
                    number(entry.composite()), number(entry.previousComposite()), number(entry.change())));
        }
        return rows;
    }

    static void writeCsv(List<List<Object>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        for (List<Object> row : rows) {
            csv.printRecord(row.stream().map(cell -> cell instanceof String text ? SpreadsheetText.safe(text) : cell)
                    .toList());
        }
        csv.flush();
    }

    static void writeXlsx(List<List<Object>> rows, String sheetName, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(SpreadsheetText.safe(String.valueOf(value)));
                    }
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            for (int c = 0; c < 6; c++) {
                sheet.autoSizeColumn(c);
            }
            workbook.write(out);
        }
    }

    /** A number cell, or empty when there is no value. */
    private static Object number(Double value) {
        return value == null ? "" : value;
    }
}
