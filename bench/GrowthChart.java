import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The growth table and chart across city benchmark runs: merges the {@code growth.md} files that runs of
 * {@code CityBenchmark#city} left (each with one or more sizes) into one table by size, and draws the same four
 * panels as the run's own {@code growth.svg}. A size measured by more than one run is taken from the file given
 * last. JDK only:
 * <pre>
 * java bench/GrowthChart.java docs/benchmarks-growth.svg run-a/growth.md run-b/growth.md … &gt; growth.md
 * </pre>
 */
public class GrowthChart {

    private static final List<List<String>> PANELS = List.of(
            List.of("raw _id read p95 (ms)", "where is barcode X p95 (ms)", "city dashboard p95 (ms)",
                    "point evaluation p95 (ms)", "city evaluation p95 (ms)"),
            List.of("commands, distinct, sequential (/s)", "commands, one hot batch, sequential (/s)",
                    "replay (events/s)", "raw insertMany (docs/s)"),
            List.of("heap after GC (MB)", "event store on disk (MB)", "event store compacted (MB)",
                    "event payload+metadata (MB)", "projections on disk (MB)"),
            List.of("generation (s)", "replay (s)", "start-up (s)"));
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/GrowthChart.java <chart.svg> <growth.md>...");
            System.exit(2);
        }
        // measure -> size -> value, measures in the order of the first file
        Map<String, Map<Integer, Double>> table = new LinkedHashMap<>();
        for (int a = 1; a < args.length; a++) {
            read(Path.of(args[a]), table);
        }
        List<Integer> sizes = new ArrayList<>(table.values().stream().flatMap(bySize -> bySize.keySet().stream())
                .distinct().sorted().toList());
        StringBuilder out = new StringBuilder("| measure |");
        sizes.forEach(size -> out.append(' ').append(String.format(Locale.ROOT, "%,d", size)).append(" points |"));
        out.append("\n|---|").append("---:|".repeat(sizes.size())).append('\n');
        table.forEach((measure, bySize) -> {
            out.append("| ").append(measure).append(" |");
            sizes.forEach(size -> {
                Double value = bySize.get(size);
                out.append(value == null ? " — |" : String.format(Locale.ROOT, " %s |", number(value)));
            });
            out.append('\n');
        });
        System.out.print(out);
        Files.writeString(Path.of(args[0]), chart(table, sizes), StandardCharsets.UTF_8);
    }

    private static void read(Path file, Map<String, Map<Integer, Double>> table) throws IOException {
        List<Integer> sizes = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
            if (cells[0].trim().equals("measure")) {
                sizes = new ArrayList<>();
                for (int c = 1; c < cells.length; c++) {
                    sizes.add(Integer.parseInt(cells[c].trim().replace(" points", "").replace(",", "")));
                }
                continue;
            }
            if (sizes == null) {
                throw new IllegalArgumentException(file + ": a row before the header: " + line);
            }
            Map<Integer, Double> bySize = table.computeIfAbsent(cells[0].trim(), measure -> new TreeMap<>());
            for (int c = 1; c < cells.length; c++) {
                String cell = cells[c].trim();
                if (!cell.equals("—") && !cell.equals("NaN")) {
                    bySize.put(sizes.get(c - 1), Double.parseDouble(cell.replace(",", "")));
                }
            }
        }
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String chart(Map<String, Map<Integer, Double>> table, List<Integer> sizes) {
        int width = 460;
        int height = 260;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", 2 * width, 2 * height));
        for (int p = 0; p < PANELS.size(); p++) {
            int x0 = (p % 2) * width + 50;
            int y0 = (p / 2) * height + 20;
            int w = width - 80;
            int h = height - 110;
            double max = 0;
            for (String series : PANELS.get(p)) {
                for (double value : table.getOrDefault(series, Map.of()).values()) {
                    max = Math.max(max, value);
                }
            }
            max = max <= 0 ? 1 : max * 1.1;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    + "stroke=\"#999\"/>%n<text x=\"%d\" y=\"%d\">%.0f</text><text x=\"%d\" y=\"%d\">0</text>%n",
                    x0, y0, w, h, x0 - 45, y0 + 10, max, x0 - 15, y0 + h));
            for (int i = 0; i < sizes.size(); i++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                        x(i, sizes.size(), x0, w), y0 + h + 14, sizes.get(i)));
            }
            int s = 0;
            for (String series : PANELS.get(p)) {
                StringBuilder line = new StringBuilder();
                Map<Integer, Double> bySize = table.getOrDefault(series, Map.of());
                for (int i = 0; i < sizes.size(); i++) {
                    Double value = bySize.get(sizes.get(i));
                    if (value == null) {
                        continue;
                    }
                    double x = x(i, sizes.size(), x0, w);
                    double y = y0 + h - value / max * h;
                    line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x,
                            y, COLOURS[s]));
                }
                svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n"
                                + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", line.toString().trim(), COLOURS[s],
                        x0, y0 + h + 30 + 13 * s, COLOURS[s], series));
                s++;
            }
        }
        return svg.append("<text x=\"10\" y=\"").append(2 * height - 4).append("\" fill=\"#666\">x: points of the "
                + "city (evenly spaced, not to scale)</text>\n</svg>\n").toString();
    }

    private static double x(int i, int count, int x0, int w) {
        return x0 + (count == 1 ? w / 2.0 : i * (double) w / (count - 1));
    }
}
