package io.lendpoint.standalone.bench;

import io.lendpoint.standalone.StandaloneApplication;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 5 benchmark, not a timed test (excluded from the normal build; run with {@code -Pbench}): N live points
 * each take one 2000-item loan batch through its life ({@link BatchLife}). Per command it reports the median wall
 * time over the batches, the events it wrote and events/s, beside the raw JDBC write of rows of the same sizes, in
 * the same transaction shape, into a scratch table of the same HSQLDB in the same run (the ceiling the event store
 * could reach). Table to stdout and {@code target/bench-batch-life.md}. {@code -Dbench.batches=N} (default 3)
 * measured batches after {@code -Dbench.warmup=W} (default 1) unmeasured ones, each on its own live point;
 * {@code -Dbench.settleMs=P} (default 0) pauses before each step so the projections of the previous one are done.
 * {@code -Dbench.dataDir=D} runs on an existing data directory instead of a new one, e.g. a copy of a city the
 * {@link CityBenchmark} left (the directory is changed), to see how the steps fare in a large store;
 * {@code -Dbench.prefix=P} (default {@code bench}) names its points and batches, to run it again on that store;
 * {@code -Dbench.paused=true} pauses every event processor first, so the steps run with no projection work beside
 * them (the command path alone). {@code -Dbench.args="--a=b --c=d"} passes more arguments to the application,
 * e.g. to compare a setting.
 */
@Tag("benchmark")
class BatchLifeBenchmark {

    @Test
    void batchLife() throws Exception {
        int batches = Integer.getInteger("bench.batches", 3);
        int warmup = Integer.getInteger("bench.warmup", 1);
        long settleMs = Long.getLong("bench.settleMs", 0);
        String existing = System.getProperty("bench.dataDir");
        String prefix = System.getProperty("bench.prefix", "bench");
        Path data = existing != null ? Path.of(existing) : Files.createTempDirectory("lendpoint-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments(data))) {
            boolean paused = Boolean.getBoolean("bench.paused");
            if (paused) {
                app.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
            }
            CommandPhases phases = new CommandPhases(app.getBean(CommandBus.class));
            BatchLife life = new BatchLife(app.getBean(CommandGateway.class), app.getBean(DataSource.class), prefix,
                    warmup, "a pause of " + settleMs + " ms"
                    + (paused ? ", every event processor paused" : ""), () -> Thread.sleep(settleMs));
            life.run(batches);
            life.close();
            String table = life.table() + "\nWhere each command's time went (the commands this thread sent, to start "
                    + "the points and for the steps, warm-up included):\n\n" + phases.table();
            System.out.println(table);
            Path out = Path.of("target", "bench-batch-life.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    /** The application's arguments: the data directory, and any more given by {@code -Dbench.args}, space-separated. */
    private static String[] arguments(Path data) {
        List<String> arguments = new ArrayList<>(List.of("--lendpoint.data-dir=" + data, "--lendpoint.mongo.port=0"));
        String more = System.getProperty("bench.args", "").strip();
        if (!more.isEmpty()) {
            arguments.addAll(List.of(more.split("\\s+")));
        }
        return arguments.toArray(String[]::new);
    }
}
