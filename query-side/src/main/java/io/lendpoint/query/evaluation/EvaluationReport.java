package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.MetricValue;
import io.lendpoint.api.evaluation.PointEvaluation;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * §7.1: a point's evaluation report as one self-contained HTML page (print it, or save it as PDF from a browser):
 * the composite and its trend over the last periods, a chart of the metric scores against the previous period,
 * and the table of every metric with its formula and raw counts.
 */
final class EvaluationReport {

    private EvaluationReport() {
    }

    /** {@code periods}: consecutive evaluations of the same length, oldest first, the reported one last. */
    static String html(List<PointEvaluation> periods) {
        PointEvaluation now = periods.get(periods.size() - 1);
        PointEvaluation previous = periods.size() > 1 ? periods.get(periods.size() - 2) : null;
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>")
                .append(e("服务点绩效评估报告 " + now.name())).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;width:100%;font-size:13px}")
                .append("td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}th{background:#eef3f8}")
                .append(".na{color:#888}</style></head><body>")
                .append("<h1>服务点绩效评估报告 Service point evaluation</h1>")
                .append("<p><strong>").append(e(now.name())).append("</strong> (").append(e(now.servicePointId()))
                .append(", ").append(e(now.district())).append(")<br>期间 Period: ").append(now.from()).append(" – ")
                .append(now.to()).append("</p><p>综合得分 Composite: <strong>").append(number(now.composite()))
                .append("</strong> / 100; 上期 previous period: ").append(number(now.previousComposite()))
                .append("</p><p class='na'>").append(e(now.compositeFormula())).append("</p>")
                .append(EvaluationCharts.compositeTrend(periods))
                .append(EvaluationCharts.metricScores(now, previous))
                .append("<h2>指标 Metrics</h2><table><tr><th>指标 Metric</th><th>数值 Value</th><th>上期 Previous</th>")
                .append("<th>公式 Formula</th><th>计数 Counts</th></tr>");
        for (MetricValue metric : now.metrics()) {
            html.append("<tr><td>").append(e(metric.nameZh())).append("<br>").append(e(metric.nameEn()))
                    .append("<br><code>").append(e(metric.code())).append(" v").append(metric.version())
                    .append("</code></td><td>")
                    .append(metric.value() == null ? "<span class='na'>不适用 n/a: " + e(metric.notApplicable())
                            + "</span>" : number(metric.value()) + " " + e(metric.unit()))
                    .append("</td><td>").append(number(metric.previous())).append("</td><td>")
                    .append(e(metric.formula())).append("</td><td>").append(e(metric.counts().toString()))
                    .append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }
}
