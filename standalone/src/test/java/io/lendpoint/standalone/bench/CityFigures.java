package io.lendpoint.standalone.bench;

import io.lendpoint.standalone.LostSpace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** What {@link CityBenchmark} measured for one city size, and how it is written down: tables and a chart. */
final class CityFigures {

    final int points;
    double generationSeconds;
    int generationCommands;
    double catchUpSeconds;
    /** Whether the projections were paused during generation and replayed right after it (then the catch-up). */
    boolean generatedPaused;
    boolean generatedInTimeOrder;
    long events;
    long eventBytes;
    long snapshotBytes;
    double distinctSequential;
    double distinctConcurrent;
    /** The same as {@link #distinctSequential} with every event processor paused: the command path alone. */
    double distinctSequentialPaused;
    double hotSequential;
    double hotConcurrent;
    double rawCommitSequential;
    double rawCommitConcurrent;
    double rawCommitHot;
    double crudCreate;
    double crudLendPair;
    /** name → {p50 ms, p95 ms, p99 ms, samples}; the first entry is the raw read. */
    final Map<String, double[]> latency = new LinkedHashMap<>();
    BatchLife batchLife;
    double replaySeconds;
    /** projection (processor) → seconds after the replay began at which it was seen at the head. */
    final Map<String, Double> replayByProjection = new java.util.TreeMap<>();
    long replayedEvents;
    double rawReadSeconds;
    long projectionDocuments;
    int meanDocumentBytes;
    int rawBulkDocuments;
    double rawBulkWriteRate;
    double heapMb;
    /** Payload and metadata bytes of all stored events at the end (the city and the benchmark's own commands). */
    long storedEventBytes;
    long eventStoreDiskBytes;
    /** Space of deleted rows in the event store's file after the clean shutdown, as HSQLDB counts it. */
    long eventStoreFreeBytes;
    /**
     * The nightly defragmentation's {@code CHECKPOINT DEFRAG} on the store after the clean shutdown; -1 when under
     * {@link LostSpace#NIGHTLY_PERCENT} of the file was lost, where the nightly run leaves it alone.
     */
    double defragmentationSeconds;
    long eventStoreCompactedBytes;
    long projectionDiskBytes;
    final List<Double> standaloneStartups = new ArrayList<>();
    final List<Double> bareStartups = new ArrayList<>();
    /** Heap in use after a full GC in the fresh standalone JVMs, once they answered the dashboard and evaluation. */
    final List<Double> freshHeapsMb = new ArrayList<>();
    /** Why a start-up of the standalone application (or its dashboard and evaluation after it) failed, if one did. */
    final List<String> startupFailures = new ArrayList<>();

    CityFigures(int points) {
        this.points = points;
    }

    double replayRate() {
        return replayedEvents / replaySeconds;
    }

    double rawReadRate() {
        return replayedEvents / rawReadSeconds;
    }

    double rawP95() {
        return latency.values().iterator().next()[1];
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## City of %d points%n%n", points));
        out.append(String.format(Locale.ROOT, "%d CPUs, Java %s, max heap %d MB. Generated %s through %d commands in "
                        + "%.0f s (%.0f commands/s)%s %.0f s later. %d events, %s of payload and metadata (%s of "
                        + "snapshots).%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), generatedInTimeOrder
                        ? "day by day across the points (`-Dbench.timeOrdered=true`)" : "point by point",
                generationCommands, generationSeconds,
                generationCommands / generationSeconds, generatedPaused
                        ? " with the projections paused (`-Dbench.pausedGeneration=true`); their replay, measured "
                        + "then and not again after the other measurements, reached the head"
                        : "; the projections reached the head", catchUpSeconds, events, mb(eventBytes),
                mb(snapshotBytes)));
        out.append("### Targets (each a ratio measured in this run)\n\n");
        out.append("| measure | value | yardstick | ratio | target | met |\n|---|---:|---:|---:|---|---|\n");
        target(out, "commands on distinct aggregates, sequential (events/s) vs durable single-row commits/s",
                distinctSequential, rawCommitSequential, 0.5, true);
        target(out, "commands on distinct aggregates, " + threadsNote() + " vs durable single-row commits/s, same threads",
                distinctConcurrent, rawCommitConcurrent, 0.5, true);
        target(out, "commands on one hot batch, sequential vs distinct aggregates, sequential", hotSequential,
                distinctSequential, 0.5, true);
        target(out, "commands on one hot batch, " + threadsNote() + " vs distinct aggregates, same threads",
                hotConcurrent, distinctConcurrent, 0.5, true);
        target(out, "projection replay (events/s) vs raw MongoDB insertMany (documents/s)", replayRate(),
                rawBulkWriteRate, 0.7, true);
        for (String step : List.of("ship", "receive", "inspect")) {
            out.append(String.format(Locale.ROOT, "| %s a 2000-item batch (ms) vs raw write of its events | %.1f | "
                            + "%.1f | %.1f× | ≤ 3× | %s |%n", step, batchLife.medianMs(step),
                    batchLife.medianMs(step) / batchLife.ratio(step), batchLife.ratio(step),
                    batchLife.ratio(step) <= 3 ? "yes" : "**no**"));
        }
        latency.entrySet().stream().skip(1).forEach(query -> out.append(String.format(Locale.ROOT,
                "| %s, p95 ms vs raw `_id` read p95 | %.2f | %.2f | %.1f× | ≤ 2× | %s |%n", query.getKey(),
                query.getValue()[1], rawP95(), query.getValue()[1] / rawP95(),
                query.getValue()[1] / rawP95() <= 2 ? "yes" : "**no**")));
        double freshHeap = median(freshHeapsMb);
        out.append(String.format(Locale.ROOT, "| heap in use after a full GC, standalone JVM (-Xmx512m) on the loaded "
                        + "city after the dashboard and the city evaluation (MB), median | %.0f | 512 | %.2f× | ≤ 1× | %s |%n",
                freshHeap, freshHeap / 512, freshHeap <= 512 ? "yes" : "**no**"));
        double standalone = median(standaloneStartups);
        double bare = median(bareStartups);
        out.append(String.format(Locale.ROOT, "| start-up to healthy, fresh JVM -Xmx512m (s), median of %d, vs bare "
                        + "Spring Boot web app | %.2f | %.2f | %.1f× | ≤ 2× | %s |%n", standaloneStartups.size(),
                standalone, bare, standalone / bare, standalone / bare <= 2 ? "yes" : "**no**"));
        out.append(String.format(Locale.ROOT, "| event store on disk after a clean shutdown vs event payload+metadata "
                        + "bytes | %s | %s | %.1f× | ≤ 2× | %s |%n", mb(eventStoreDiskBytes), mb(storedEventBytes),
                (double) eventStoreDiskBytes / storedEventBytes,
                eventStoreDiskBytes <= 2 * storedEventBytes ? "yes" : "**no**"));
        out.append(String.format(Locale.ROOT, "| the same after the nightly defragmentation or `SHUTDOWN COMPACT` "
                        + "| %s | %s | %.1f× | ≤ 2× | %s |%n%n", mb(eventStoreCompactedBytes), mb(storedEventBytes),
                (double) eventStoreCompactedBytes / storedEventBytes,
                eventStoreCompactedBytes <= 2 * storedEventBytes ? "yes" : "**no**"));

        out.append("### Query latency through the query bus (ms)\n\n| query | calls | p50 | p95 | p99 |\n"
                + "|---|---:|---:|---:|---:|\n");
        latency.forEach((name, l) -> out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f |%n",
                name, l[3], l[0], l[1], l[2])));
        out.append(String.format(Locale.ROOT, "%n### Rates (per second)%n%n| operation | rate |%n|---|---:|%n"
                        + "| RecordFeedback, new aggregate each, sequential | %.0f |%n"
                        + "| RecordFeedback, %s | %.0f |%n"
                        + "| RecordFeedback, new aggregate each, sequential, every event processor paused | %.0f |%n"
                        + "| lend or take back one item on one batch, sequential | %.0f |%n"
                        + "| lend or take back one item on one batch, %s | %.0f |%n"
                        + "| raw durable single-row commit, sequential (feedback-sized row) | %.0f |%n"
                        + "| raw durable single-row commit, %s | %.0f |%n"
                        + "| raw durable single-row commit, sequential (ItemLent-sized row) | %.0f |%n"
                        + "| replay of all projections from the start (events/s of the stream) | %.0f |%n"
                        + "| raw read of the event table over JDBC (events/s) | %.0f |%n"
                        + "| raw insertMany into the projection store, %d documents of %d bytes (documents/s) | %.0f |%n%n",
                distinctSequential, threadsNote(), distinctConcurrent, distinctSequentialPaused, hotSequential,
                threadsNote(), hotConcurrent, rawCommitSequential, threadsNote(), rawCommitConcurrent, rawCommitHot, replayRate(), rawReadRate(),
                rawBulkDocuments, meanDocumentBytes, rawBulkWriteRate));
        out.append(String.format(Locale.ROOT, "Replay: %d events in %.1f s into %d projection documents. Seconds "
                + "until each processor was at the head: %s%n%n", replayedEvents, replaySeconds, projectionDocuments,
                replayByProjection));
        out.append(String.format(Locale.ROOT, "### The cost of event sourcing: the same operations as plain CRUD on "
                        + "the same MongoDB-wire store%n%n| operation | event-sourced /s | CRUD /s | CRUD ÷ event-sourced |%n"
                        + "|---|---:|---:|---:|%n"
                        + "| record a feedback (new aggregate / insertOne) | %.0f | %.0f | %.1f× |%n"
                        + "| lend or take back one item (command / two single-document writes) | %.0f | %.0f | %.1f× |%n",
                distinctSequential, crudCreate, crudCreate / distinctSequential, hotSequential, crudLendPair,
                crudLendPair / hotSequential));
        out.append(String.format(Locale.ROOT, "| where is barcode X, p95 ms (query bus / find by `_id`) | %.2f | %.2f "
                        + "| %.1f× |%n%n", latency.get("where is barcode X")[1], rawP95(),
                latency.get("where is barcode X")[1] / rawP95()));
        out.append(String.format(Locale.ROOT, "### On disk after a clean shutdown%n%nevent store %s (%s of it lost "
                        + "to deleted rows; %s compacted; %s), projections %s, event "
                        + "payload and metadata %s (snapshots apart).%n%nStart-ups (s): standalone "
                        + "%s, bare web app %s. Heap of those standalone JVMs after a full GC (MB): %s. Heap of the "
                        + "benchmark's own JVM after a full GC at the end of the run, with the application, its "
                        + "embedded servers and everything the run created still in it: %.0f MB.%n%n",
                mb(eventStoreDiskBytes), mb(eventStoreFreeBytes), mb(eventStoreCompactedBytes),
                defragmentationSeconds < 0 ? "under " + LostSpace.NIGHTLY_PERCENT
                        + "% lost: the nightly defragmentation would leave it alone"
                        : String.format(Locale.ROOT, "the nightly `CHECKPOINT DEFRAG` took %.1f s", defragmentationSeconds),
                mb(projectionDiskBytes), mb(storedEventBytes),
                rounded(standaloneStartups), rounded(bareStartups), rounded(freshHeapsMb), heapMb));
        if (!startupFailures.isEmpty()) {
            out.append("Start-ups of the standalone application that failed: ").append(startupFailures)
                    .append("\n\n");
        }
        out.append("### A 2000-item batch's life on the loaded store\n\n").append(batchLife.table()).append('\n');
        return out.toString();
    }

    private static String threadsNote() {
        return Integer.getInteger("bench.threads", 4) + " threads";
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }

    private static void target(StringBuilder out, String measure, double value, double yardstick, double target,
                               boolean atLeast) {
        double ratio = value / yardstick;
        boolean met = atLeast ? ratio >= target : ratio <= target;
        out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f%% | %s %.0f%% | %s |%n", measure, value,
                yardstick, ratio * 100, atLeast ? "≥" : "≤", target * 100, met ? "yes" : "**no**"));
    }

    private static final Map<String, ToDoubleFunction<CityFigures>> GROWTH = new LinkedHashMap<>();

    static {
        GROWTH.put("events", f -> f.events);
        GROWTH.put("generation (s)", f -> f.generationSeconds);
        GROWTH.put("commands, distinct, sequential (/s)", f -> f.distinctSequential);
        GROWTH.put("commands, distinct, sequential, processors paused (/s)", f -> f.distinctSequentialPaused);
        GROWTH.put("commands, one hot batch, sequential (/s)", f -> f.hotSequential);
        GROWTH.put("raw single-row commits (/s)", f -> f.rawCommitSequential);
        GROWTH.put("replay (events/s)", CityFigures::replayRate);
        GROWTH.put("replay (s)", f -> f.replaySeconds);
        GROWTH.put("raw insertMany (docs/s)", f -> f.rawBulkWriteRate);
        GROWTH.put("raw _id read p95 (ms)", CityFigures::rawP95);
        GROWTH.put("where is barcode X p95 (ms)", f -> f.latency.get("where is barcode X")[1]);
        GROWTH.put("city dashboard p95 (ms)", f -> f.latency.get("city dashboard")[1]);
        GROWTH.put("point evaluation p95 (ms)", f -> f.latency.get("point evaluation (year)")[1]);
        GROWTH.put("city evaluation p95 (ms)", f -> f.latency.get("city evaluation (year)")[1]);
        GROWTH.put("inspect 2000 items (ms)", f -> f.batchLife.medianMs("inspect"));
        GROWTH.put("heap after GC (MB)", f -> median(f.freshHeapsMb));
        GROWTH.put("start-up (s)", f -> median(f.standaloneStartups));
        GROWTH.put("event store on disk (MB)", f -> f.eventStoreDiskBytes / (1024.0 * 1024));
        GROWTH.put("event store compacted (MB)", f -> f.eventStoreCompactedBytes / (1024.0 * 1024));
        GROWTH.put("event payload+metadata (MB)", f -> f.storedEventBytes / (1024.0 * 1024));
        GROWTH.put("projections on disk (MB)", f -> f.projectionDiskBytes / (1024.0 * 1024));
    }

    static String growth(List<CityFigures> sizes) {
        StringBuilder out = new StringBuilder("## How the costs grow with the city\n\n| measure |");
        sizes.forEach(f -> out.append(' ').append(f.points).append(" points |"));
        out.append("\n|---|").append("---:|".repeat(sizes.size())).append('\n');
        GROWTH.forEach((name, value) -> {
            out.append("| ").append(name).append(" |");
            sizes.forEach(f -> out.append(String.format(Locale.ROOT, " %.1f |", value.applyAsDouble(f))));
            out.append('\n');
        });
        return out.toString();
    }

    /** Four small line charts (x: points) of the query p95s, the rates, the sizes and start-up. */
    static String chart(List<CityFigures> sizes) {
        List<Map<String, ToDoubleFunction<CityFigures>>> panels = List.of(
                pick("raw _id read p95 (ms)", "where is barcode X p95 (ms)", "city dashboard p95 (ms)",
                        "point evaluation p95 (ms)", "city evaluation p95 (ms)"),
                pick("commands, distinct, sequential (/s)", "commands, one hot batch, sequential (/s)",
                        "replay (events/s)", "raw insertMany (docs/s)"),
                pick("heap after GC (MB)", "event store on disk (MB)", "event store compacted (MB)",
                        "event payload+metadata (MB)", "projections on disk (MB)"),
                pick("generation (s)", "replay (s)", "start-up (s)"));
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
        int width = 460;
        int height = 260;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", 2 * width, 2 * height));
        for (int p = 0; p < panels.size(); p++) {
            int x0 = (p % 2) * width + 50;
            int y0 = (p / 2) * height + 20;
            int w = width - 80;
            int h = height - 110;
            double max = 0;
            for (ToDoubleFunction<CityFigures> series : panels.get(p).values()) {
                for (CityFigures f : sizes) {
                    max = Math.max(max, series.applyAsDouble(f));
                }
            }
            max = max <= 0 ? 1 : max * 1.1;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    + "stroke=\"#999\"/>%n<text x=\"%d\" y=\"%d\">%.0f</text><text x=\"%d\" y=\"%d\">0</text>%n",
                    x0, y0, w, h, x0 - 45, y0 + 10, max, x0 - 15, y0 + h));
            for (int i = 0; i < sizes.size(); i++) {
                double x = x0 + (sizes.size() == 1 ? w / 2.0 : i * (double) w / (sizes.size() - 1));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                        x, y0 + h + 14, sizes.get(i).points));
            }
            int s = 0;
            for (Map.Entry<String, ToDoubleFunction<CityFigures>> series : panels.get(p).entrySet()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < sizes.size(); i++) {
                    double x = x0 + (sizes.size() == 1 ? w / 2.0 : i * (double) w / (sizes.size() - 1));
                    double y = y0 + h - series.getValue().applyAsDouble(sizes.get(i)) / max * h;
                    line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x,
                            y, colours[s]));
                }
                svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n"
                                + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", line.toString().trim(), colours[s],
                        x0, y0 + h + 30 + 13 * s, colours[s], series.getKey()));
                s++;
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static Map<String, ToDoubleFunction<CityFigures>> pick(String... names) {
        Map<String, ToDoubleFunction<CityFigures>> picked = new LinkedHashMap<>();
        for (String name : names) {
            picked.put(name, GROWTH.get(name));
        }
        return picked;
    }
}
