package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.EvaluationRanking;
import io.lendpoint.api.evaluation.MetricValue;
import io.lendpoint.api.evaluation.PointEvaluation;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * §7.1 charts as SVG, drawn here rather than by a charting library: a few bars and lines need no AWT, no fonts on
 * the server and no image files; SVG scales for print and embeds straight into the HTML report.
 */
final class EvaluationCharts {

    private EvaluationCharts() {
    }

    /** Horizontal bars: each scored metric's score now (dark) and in the previous period (light), 0–100 %. */
    static String metricScores(PointEvaluation evaluation, PointEvaluation previous) {
        List<MetricValue> scored = evaluation.metrics().stream().filter(m -> evaluation.weights().containsKey(m.code()))
                .toList();
        int row = 34;
        int width = 640;
        int left = 230;
        int barWidth = width - left - 60;
        StringBuilder svg = header(width, 30 + scored.size() * row, "各项指标得分（本期与上期）Metric scores, this and previous period");
        for (int i = 0; i < scored.size(); i++) {
            MetricValue metric = scored.get(i);
            int y = 30 + i * row;
            Double before = previous == null ? null : previous.metrics().stream()
                    .filter(m -> m.code().equals(metric.code())).findFirst().map(MetricValue::score).orElse(null);
            svg.append(text(8, y + 14, metric.nameZh() + " " + metric.nameEn(), "start", 11));
            bar(svg, left, y, barWidth, before, 10, "#b8cde0");
            bar(svg, left, y + 12, barWidth, metric.score(), 12, "#1f5f99");
            svg.append(text(left + barWidth + 6, y + 22, metric.score() == null ? "n/a"
                    : percent(metric.score()), "start", 11));
        }
        return svg.append("</svg>").toString();
    }

    /** A line of the composite score over consecutive periods, oldest first. */
    static String compositeTrend(List<PointEvaluation> periods) {
        int width = 640;
        int height = 220;
        int left = 40;
        int top = 30;
        int plotHeight = height - top - 40;
        int step = periods.size() < 2 ? 0 : (width - left - 40) / (periods.size() - 1);
        StringBuilder svg = header(width, height, "综合得分趋势 Composite score trend");
        svg.append("<line x1='").append(left).append("' y1='").append(top + plotHeight).append("' x2='")
                .append(width - 20).append("' y2='").append(top + plotHeight).append("' stroke='#888'/>");
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            PointEvaluation period = periods.get(i);
            int x = left + i * step;
            svg.append(text(x, height - 10, period.from() + "…", "middle", 10));
            if (period.composite() != null) {
                int y = top + (int) Math.round(plotHeight * (1 - period.composite() / 100));
                points.append(x).append(',').append(y).append(' ');
                svg.append("<circle cx='").append(x).append("' cy='").append(y).append("' r='4' fill='#1f5f99'/>");
                svg.append(text(x, y - 8, String.format(Locale.ROOT, "%.1f", period.composite()), "middle", 11));
            }
        }
        svg.append("<polyline fill='none' stroke='#1f5f99' stroke-width='2' points='").append(points.toString().trim())
                .append("'/>");
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars: the composite score of every ranked point, best first. */
    static String ranking(EvaluationRanking ranking) {
        List<EvaluationRanking.Entry> ranked = ranking.entries().stream().filter(e -> e.composite() != null).toList();
        int row = 22;
        int width = 640;
        int left = 200;
        int barWidth = width - left - 60;
        StringBuilder svg = header(width, 30 + Math.max(1, ranked.size()) * row,
                "服务点综合得分排名 Ranking by composite score " + ranking.from() + " – " + ranking.to());
        for (int i = 0; i < ranked.size(); i++) {
            EvaluationRanking.Entry entry = ranked.get(i);
            int y = 30 + i * row;
            svg.append(text(8, y + 14, entry.rank() + ". " + (entry.name() == null ? entry.servicePointId()
                    : entry.name()), "start", 11));
            bar(svg, left, y + 2, barWidth, entry.composite() / 100, 14, "#1f5f99");
            svg.append(text(left + barWidth + 6, y + 14, String.format(Locale.ROOT, "%.1f", entry.composite()),
                    "start", 11));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder header(int width, int height, String title) {
        return new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='")
                .append(height).append("' viewBox='0 0 ").append(width).append(' ').append(height)
                .append("' font-family='sans-serif' role='img'><title>").append(HtmlUtils.htmlEscape(title))
                .append("</title>").append(text(8, 18, title, "start", 13));
    }

    private static void bar(StringBuilder svg, int x, int y, int width, Double share, int height, String colour) {
        if (share != null) {
            svg.append("<rect x='").append(x).append("' y='").append(y).append("' width='")
                    .append(Math.round(width * Math.max(0, Math.min(1, share)))).append("' height='").append(height)
                    .append("' fill='").append(colour).append("'/>");
        }
    }

    private static String text(int x, int y, String text, String anchor, int size) {
        return "<text x='" + x + "' y='" + y + "' text-anchor='" + anchor + "' font-size='" + size + "'>"
                + HtmlUtils.htmlEscape(text) + "</text>";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
