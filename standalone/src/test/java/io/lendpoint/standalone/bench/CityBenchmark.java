package io.lendpoint.standalone.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.lendpoint.api.evaluation.AreaEvaluationQuery;
import io.lendpoint.api.evaluation.PointEvaluation;
import io.lendpoint.api.evaluation.PointEvaluationQuery;
import io.lendpoint.api.loanbatch.ItemLocation;
import io.lendpoint.api.loanbatch.ItemLocationQuery;
import io.lendpoint.api.loanbatch.LendItems;
import io.lendpoint.api.loanbatch.TakeBackItems;
import io.lendpoint.api.operations.FeedbackChannel;
import io.lendpoint.api.operations.RecordFeedback;
import io.lendpoint.api.servicepoint.ServicePointDashboard;
import io.lendpoint.api.servicepoint.ServicePointDashboardQuery;
import io.lendpoint.query.ReadModelVersions;
import io.lendpoint.standalone.LivePoints;
import io.lendpoint.standalone.LostSpace;
import io.lendpoint.standalone.OfflineEventStore;
import io.lendpoint.standalone.PayloadCompression;
import io.lendpoint.standalone.StandaloneApplication;
import io.lendpoint.standalone.StandaloneProcess;
import io.lendpoint.standalone.demo.CityGenerator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the standalone backend loaded with a city and measured, each figure beside its raw ceiling on the same
 * store in the same run. Not a timed test: it asserts only that the work was done (events stored, projections at
 * the head, queries answered); the figures go to {@code target/bench-city/}. Run with
 * {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -Pbench -pl standalone test -Dtest=CityBenchmark
 * -Dbench.sizes=50,200} (see bench/README.md). For each size, in a fresh data directory:
 * <ol>
 * <li>generate the city through the real command path ({@link CityGenerator}, {@link CityGenerator.Shape#city()},
 * seeded by {@code -Dbench.seed}) and wait for every projection to reach the head;</li>
 * <li>commands: {@code RecordFeedback} on distinct new aggregates (sequential, then {@code bench.threads}
 * concurrent, then sequential with every event processor paused: the command path alone) and lend/take-back pairs
 * on one hot batch (sequential, concurrent), each against durable single-row commits of rows of the same sizes into
 * a scratch table of the same HSQLDB (sequential, concurrent);</li>
 * <li>the same operations as plain CRUD on the same MongoDB-wire store (no events);</li>
 * <li>query latency p50/p95/p99 through the query bus: the city dashboard, the city evaluation over the year, one
 * point's evaluation, "where is barcode X" — beside a raw {@code _id} read of {@code item_locations}; evaluations
 * both first asked (computed from the facts: up to 200 points once each, the city once) and asked again (answered
 * from the counts kept for them);</li>
 * <li>a 2000-item batch's life on the loaded store ({@link BatchLife});</li>
 * <li>replay of every projection from the start against a raw read of the whole event table and a raw
 * {@code insertMany} into the same MongoDB-wire store;</li>
 * <li>heap after a full GC; sizes on disk after a clean shutdown against the event payload bytes;</li>
 * <li>start-up of the standalone application on the loaded directory, in a fresh JVM with {@code -Xmx512m},
 * against a bare Spring Boot web application in a fresh JVM.</li>
 * </ol>
 */
@Tag("benchmark")
class CityBenchmark {

    /** The query side's projections (the processing groups DeadLetterConfig finds), minus e-mail. */
    static final Set<String> PROJECTIONS = Set.of("service-points", "agreements", "cards", "batches",
            "item-locations", "point-inbox", "evaluation-facts", "plans", "operations");
    /** Processors that must not be replayed: command-side policies (they send commands) and e-mail (sends mail). */
    static final Set<String> NOT_REPLAYED = Set.of("card-policy", "activation-policy", "email-notifications");

    private final long seed = Long.getLong("bench.seed", 8L);
    private final int threads = Integer.getInteger("bench.threads", 4);
    private final int operations = Integer.getInteger("bench.operations", 2000);
    private final boolean pausedGeneration = Boolean.getBoolean("bench.pausedGeneration");
    /** With {@code -Dbench.timeOrdered=true} the city is generated day by day across its points, not point by point. */
    private final boolean timeOrdered = Boolean.getBoolean("bench.timeOrdered");
    private final Path out = Path.of("target", "bench-city");

    @Test
    void city() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "200").split(","))
                .mapToInt(size -> Integer.parseInt(size.trim())).toArray();
        Files.createDirectories(out);
        List<CityFigures> all = new ArrayList<>();
        for (int size : sizes) {
            CityFigures figures = measure(size);
            all.add(figures);
            Files.writeString(out.resolve("city-" + size + ".md"), figures.table(), StandardCharsets.UTF_8);
            System.out.println(figures.table());
        }
        String growth = CityFigures.growth(all);
        Files.writeString(out.resolve("growth.md"), growth, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("growth.svg"), CityFigures.chart(all), StandardCharsets.UTF_8);
        System.out.println(growth);
    }

    private CityFigures measure(int points) throws Exception {
        CityFigures f = new CityFigures(points);
        Path data = Files.createTempDirectory("lendpoint-city-" + points);
        List<CityGenerator.Generated> city = new ArrayList<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .run("--lendpoint.data-dir=" + data, "--lendpoint.mongo.port=0")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            DataSource dataSource = app.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            EventStore events = app.getBean(EventStore.class);

            // 1. the city; with -Dbench.pausedGeneration=true the projections are paused while it is generated and
            // their replay is measured right after it (the replay of step 6, moved): the commands are the same, the
            // generation about twice as fast, and the run has one full replay instead of a catch-up and a replay
            f.generatedPaused = pausedGeneration;
            f.generatedInTimeOrder = timeOrdered;
            if (pausedGeneration) {
                projections(processing).forEach(EventProcessor::shutDown);
            }
            CityGenerator generator = new CityGenerator(commands, seed, CityGenerator.Shape.city());
            long start = System.nanoTime();
            int sent = 0;
            if (timeOrdered) { // every point's day before any point's next day, as in service
                city.addAll(generator.inTimeOrder(points, (day, commandsSent) -> {
                    if (day % 10 == 0) {
                        System.out.printf("city %d in time order: day %d, %d commands, %.0f s%n", points, day,
                                commandsSent, (System.nanoTime() - start) / 1e9);
                    }
                }));
                sent = city.stream().mapToInt(CityGenerator.Generated::commands).sum();
            } else {
                for (int i = 0; i < points; i++) {
                    CityGenerator.Generated point = generator.point(i);
                    city.add(point);
                    sent += point.commands();
                    if ((i + 1) % 10 == 0 || i + 1 == points) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        System.out.printf("city %d: %d of %d points, %d commands, %.0f s, about %.0f s left%n",
                                points, i + 1, points, sent, seconds, seconds / (i + 1) * (points - i - 1));
                    }
                }
            }
            f.generationSeconds = (System.nanoTime() - start) / 1e9;
            f.generationCommands = sent;
            if (pausedGeneration) {
                replay(f, processing, events);
                f.catchUpSeconds = f.replaySeconds;
            } else {
                awaitProjections(processing, events, Duration.ofHours(2));
                f.catchUpSeconds = (System.nanoTime() - start) / 1e9 - f.generationSeconds;
            }
            f.events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
            f.eventBytes = serializedBytes(jdbc, "DomainEventEntry");
            f.snapshotBytes = serializedBytes(jdbc, "SnapshotEventEntry");
            System.out.printf("city %d generated: %d events in %.0f s, projections caught up %.0f s later%n", points,
                    f.events, f.generationSeconds, f.catchUpSeconds);

            // 2. commands against durable single-row commits of the same sizes
            BatchLife life = new BatchLife(commands, dataSource, "life" + points, 1,
                    "every projection caught up (the step and its raw write run on a quiet machine)",
                    () -> awaitProjections(processing, events, Duration.ofMinutes(30)));
            IntConsumer feedback = feedback(commands, "fb-bench-",
                    city.stream().map(CityGenerator.Generated::servicePointId).toList());
            f.distinctSequential = rate(operations, 1, feedback);
            f.distinctConcurrent = rate(operations, threads, feedback);
            // the command path alone: the same commands with every event processor paused (the raw commits have no
            // projections beside them either), then the processors caught up before the next measurement
            f.distinctSequentialPaused = pausedRate(processing, events, () -> rate(operations, 1, feedback));
            int[] feedbackSizes = meanSizes(jdbc, "%FeedbackRecorded");
            CityGenerator.Generated hot = city.get(0);
            List<String> shelf = hot.onShelf();
            IntConsumer hotPair = hotPair(commands, hot.servicePointId(), hot.batchId(), shelf);
            f.hotSequential = 2 * rate(operations / 2, 1, hotPair);
            // concurrent on one batch: each thread lends and takes back its own items (no two threads share one)
            // in flight at once are a few consecutive n: distinct items of the shelf, so no lend meets a lent item
            f.hotConcurrent = 2 * rate(operations / 2, threads, hotPair);
            int[] lendSizes = meanSizes(jdbc, "%ItemLent");
            f.rawCommitSequential = rawCommits(dataSource, operations, 1, feedbackSizes);
            f.rawCommitConcurrent = rawCommits(dataSource, operations, threads, feedbackSizes);
            f.rawCommitHot = rawCommits(dataSource, operations, 1, lendSizes);

            // 3. plain CRUD on the same MongoDB-wire store, once the projections have caught up with the commands above
            // (their writes to the same store would otherwise run beside the CRUD writes, which have none of their own)
            awaitProjections(processing, events, Duration.ofMinutes(30));
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            MongoCollection<Document> crudItems = mongo.getCollection("bench_crud_items");
            MongoCollection<Document> crudLoans = mongo.getCollection("bench_crud_loans");
            MongoCollection<Document> crudFeedback = mongo.getCollection("bench_crud_feedback");
            List<Document> itemDocs = new ArrayList<>();
            for (String barcode : shelf) {
                itemDocs.add(new Document("_id", barcode).append("batchId", hot.batchId())
                        .append("servicePointId", hot.servicePointId()).append("state", "AT_POINT"));
            }
            crudItems.insertMany(itemDocs);
            f.crudCreate = rate(operations, 1, n -> crudFeedback.insertOne(new Document("_id", "fb-crud-" + n)
                    .append("servicePointId", city.get(random(n, city.size())).servicePointId())
                    .append("channel", "PHONE_CALLBACK").append("receivedOn", LivePoints.today().toString())
                    .append("satisfaction", 1 + n % 5).append("comment", "满意").append("respondent", "图书管理员")));
            f.crudLendPair = 2 * rate(operations / 2, 1, n -> {
                String barcode = shelf.get(n % shelf.size());
                crudItems.updateOne(Filters.eq("_id", barcode), Updates.combine(Updates.set("state", "LENT"),
                        Updates.set("reader", "R1")));
                crudLoans.insertOne(new Document("_id", "loan-" + n).append("barcode", barcode).append("reader", "R1")
                        .append("lentOn", LivePoints.today().toString()));
                crudItems.updateOne(Filters.eq("_id", barcode), Updates.combine(Updates.set("state", "AT_POINT"),
                        Updates.unset("reader")));
                crudLoans.updateOne(Filters.eq("_id", "loan-" + n), Updates.set("returnedOn",
                        LivePoints.today().toString()));
            });

            // 4. queries through the query bus against a raw _id read
            awaitProjections(processing, events, Duration.ofMinutes(30));
            QueryGateway queries = app.getBean(QueryGateway.class);
            LocalDate today = LivePoints.today();
            MongoCollection<Document> locations = mongo.getCollection("item_locations");
            // points first asked (the year to yesterday: no point has counts kept for it), then the city's year
            // before any evaluation of it: every point's counts computed from its facts, then kept
            List<Long> firstPoints = new ArrayList<>();
            for (int i = 0; i < Math.min(200, city.size()); i++) {
                long asked = System.nanoTime();
                assertThat(queries.query(new PointEvaluationQuery(CityGenerator.pointId(i),
                        today.minusDays(1).minusYears(1), today.minusDays(1)),
                        ResponseTypes.optionalInstanceOf(PointEvaluation.class)).join()).isPresent();
                firstPoints.add(System.nanoTime() - asked);
            }
            long firstCity = System.nanoTime();
            assertThat(queries.query(new AreaEvaluationQuery(null, today.minusYears(1), today), PointEvaluation.class)
                    .join()).isNotNull();
            double firstCityMs = (System.nanoTime() - firstCity) / 1e6;
            quickQueries(queries, locations, city.size())
                    .forEach((name, query) -> f.latency.put(name, latencies(query))); // the raw read first
            long[] first = firstPoints.stream().mapToLong(Long::longValue).sorted().toArray();
            f.latency.put("point evaluation (year), first asked", new double[] {percentile(first, 50),
                    percentile(first, 95), percentile(first, 99), first.length});
            f.latency.put("city evaluation (year), first asked (one call)",
                    new double[] {firstCityMs, firstCityMs, firstCityMs, 1});
            f.latency.put("city evaluation (year)", latencies(n -> assertThat(queries.query(new AreaEvaluationQuery(
                    null, today.minusYears(1), today), PointEvaluation.class).join()).isNotNull()));

            // 5. a 2000-item batch's life on the loaded store
            life.run(Integer.getInteger("bench.lifeBatches", 5)); // a step's raw write is about a millisecond
            life.close();
            f.batchLife = life;

            // 6. replay every projection against raw reads and raw bulk writes
            awaitProjections(processing, events, Duration.ofMinutes(30));
            if (!pausedGeneration) {
                replay(f, processing, events);
            }
            f.rawReadSeconds = rawRead(dataSource);
            f.projectionDocuments = projectionDocuments(mongo);
            f.meanDocumentBytes = meanDocumentBytes(mongo);
            assertThat(f.projectionDocuments).isPositive();
            f.rawBulkDocuments = (int) Math.min(f.events, 200_000);
            f.rawBulkWriteRate = rawBulkWrite(mongo, f.rawBulkDocuments, f.meanDocumentBytes);

            f.storedEventBytes = serializedBytes(jdbc, "DomainEventEntry"); // the city and what the benchmark added

            // 7. heap with the city loaded and its caches warm
            System.gc();
            System.gc();
            f.heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
        }
        f.eventStoreDiskBytes = size(data.resolve("eventstore"));
        f.projectionDiskBytes = size(data.resolve("projections"));
        // what the nightly EventStoreDefragmentation would do with its default share, timed, then what
        // --lendpoint.event-store.compact-on-shutdown=true does at the end of a clean shutdown
        try (Connection connection = OfflineEventStore.open(data)) {
            LostSpace lost = LostSpace.of(connection);
            f.eventStoreFreeBytes = lost.lostBytes();
            f.defragmentationSeconds = -1; // the nightly run would leave the file alone
            if (lost.atLeast(LostSpace.NIGHTLY_PERCENT)) {
                long start = System.nanoTime();
                connection.createStatement().execute("CHECKPOINT DEFRAG");
                f.defragmentationSeconds = (System.nanoTime() - start) / 1e9;
            }
            connection.createStatement().execute("SHUTDOWN COMPACT");
        }
        f.eventStoreCompactedBytes = size(data.resolve("eventstore"));

        // 8. start-up in fresh JVMs
        int startups = Integer.getInteger("bench.startups", 3);
        for (int i = 0; i < startups; i++) {
            // a failure here (say the -Xmx512m JVM runs out of heap on the city's evaluation) is a finding, written
            // down with the rest, not a reason to lose the hour of figures before it
            try {
                double[] standalone = startUp(data, StandaloneApplication.class, true);
                f.standaloneStartups.add(standalone[0]);
                f.freshHeapsMb.add(standalone[1]);
            } catch (Exception | AssertionError e) {
                f.startupFailures.add(e.toString());
                System.out.println("start-up " + (i + 1) + " failed: " + e);
            }
            f.bareStartups.add(startUp(data, BareWebApplication.class, false)[0]);
        }
        return f;
    }

    /** Replays every projection from the start of the stream as it is now and records how long it took. */
    private static void replay(CityFigures f, EventProcessingConfiguration processing, EventStore events)
            throws InterruptedException {
        long head = head(events);
        long start = System.nanoTime();
        replayAll(processing);
        f.replayByProjection.putAll(awaitProjections(processing, events, Duration.ofHours(3), start));
        f.replaySeconds = (System.nanoTime() - start) / 1e9;
        f.replayedEvents = head + 1;
    }

    /** The query side's projection processors (not the command-side policies, which generation needs running). */
    private static List<EventProcessor> projections(EventProcessingConfiguration processing) {
        return processing.eventProcessors().entrySet().stream().filter(named -> PROJECTIONS.contains(named.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }

    private static int random(int n, int bound) {
        return Math.floorMod(n * 0x9E3779B1, bound);
    }

    private static String anyBarcode(int points, int n) {
        return CityGenerator.barcode(random(n, points), random(n * 31 + 7, 2000));
    }

    /**
     * The city's quick queries as {@link #latencies} calls them, by name: a raw {@code _id} read (the yardstick, first),
     * "where is barcode X", the city dashboard and one point's evaluation over the year, on a city of {@code points}.
     */
    private static Map<String, IntConsumer> quickQueries(QueryGateway queries, MongoCollection<Document> locations,
                                                         int points) {
        LocalDate today = LivePoints.today();
        Map<String, IntConsumer> quick = new java.util.LinkedHashMap<>();
        quick.put("raw _id read (item_locations)", n -> assertThat(locations.find(
                Filters.eq("_id", anyBarcode(points, n))).first()).isNotNull());
        quick.put("where is barcode X", n -> assertThat(queries.query(new ItemLocationQuery(anyBarcode(points, n)),
                ResponseTypes.optionalInstanceOf(ItemLocation.class)).join()).isPresent());
        quick.put("city dashboard", n -> assertThat(queries.query(new ServicePointDashboardQuery(null),
                ServicePointDashboard.class).join()).isNotNull());
        quick.put("point evaluation (year)", n -> assertThat(queries.query(new PointEvaluationQuery(
                        CityGenerator.pointId(random(n, points)), today.minusYears(1), today),
                ResponseTypes.optionalInstanceOf(PointEvaluation.class)).join()).isPresent());
        // the same 20 points, each asked in the warm-up: answered from the counts kept for them
        quick.put("point evaluation (year), asked again", n -> assertThat(queries.query(new PointEvaluationQuery(
                        CityGenerator.pointId(Math.floorMod(n, Math.min(20, points))), today.minusYears(1), today),
                ResponseTypes.optionalInstanceOf(PointEvaluation.class)).join()).isPresent());
        return quick;
    }

    /** Operations per second: {@code count} calls of {@code operation(n)} over {@code threads} threads. */
    private static double rate(int count, int threads, IntConsumer operation) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        operation.accept(n);
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(workers)) {
                done.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The payload and metadata bytes of a table's rows as the serializer wrote them: a row stored compressed
     * ({@link PayloadCompression}) counts its original length, so the disk's ratio is against the events, not
     * against what compression made of them.
     */
    static long serializedBytes(JdbcTemplate jdbc, String table) {
        String gzip = "(SUBSTRING(%1$s FROM 1 FOR 2) = X'1F8B' AND OCTET_LENGTH(%1$s) >= 18)"; // as isCompressed
        long plain = nullToZero(jdbc.queryForObject("SELECT SUM(CASE WHEN " + gzip.formatted("payload")
                + " THEN 0 ELSE OCTET_LENGTH(payload) END + CASE WHEN " + gzip.formatted("metaData")
                + " THEN 0 ELSE OCTET_LENGTH(metaData) END) FROM " + table, Long.class));
        long[] compressed = {0};
        jdbc.query("SELECT payload, metaData FROM " + table + " WHERE " + gzip.formatted("payload") + " OR "
                + gzip.formatted("metaData"), row -> {
            for (int column = 1; column <= 2; column++) {
                byte[] stored = row.getBytes(column);
                compressed[0] += PayloadCompression.isCompressed(stored) ? PayloadCompression.originalLength(stored) : 0;
            }
        });
        return plain + compressed[0];
    }

    /** Mean payload and metadata sizes of the stored events of a payload type (types stored uncompressed). */
    private static int[] meanSizes(JdbcTemplate jdbc, String payloadType) {
        return jdbc.queryForObject("SELECT AVG(OCTET_LENGTH(payload)), AVG(OCTET_LENGTH(metaData)) "
                + "FROM DomainEventEntry WHERE payloadType LIKE ?", (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)},
                payloadType);
    }

    /** Durable single-row commits per second into the scratch event-shaped table, as Axon appends one event. */
    private static double rawCommits(DataSource dataSource, int count, int threads, int[] sizes) throws Exception {
        String aggregatePrefix = "raw-commit-" + UUID.randomUUID();
        return rate(count, threads, n -> {
            try {
                BatchLife.rawWrite(dataSource, aggregatePrefix + "-" + n, List.of(sizes), 0, null);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Seconds to read every event row (payload and metadata bytes) in stream order over plain JDBC. */
    private static double rawRead(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT globalIndex, payload, metaData FROM DomainEventEntry ORDER BY globalIndex")) {
            select.setFetchSize(1000);
            long start = System.nanoTime();
            long bytes = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bytes += rows.getBytes(2).length + rows.getBytes(3).length;
                }
            }
            assertThat(bytes).isPositive();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Documents per second: {@code count} documents of about {@code size} bytes by unordered insertMany of 1000. */
    private static double rawBulkWrite(MongoTemplate mongo, int count, int size) {
        MongoCollection<Document> scratch = mongo.getCollection("bench_raw_bulk");
        String filler = "x".repeat(Math.max(1, size - 60));
        long start = System.nanoTime();
        for (int from = 0; from < count; from += 1000) {
            List<Document> docs = new ArrayList<>();
            for (int n = from; n < Math.min(count, from + 1000); n++) {
                docs.add(new Document("_id", "raw-" + n).append("lastSequence", (long) n).append("data", filler));
            }
            scratch.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        scratch.drop();
        return rate;
    }

    private static long projectionDocuments(MongoTemplate mongo) {
        long documents = 0;
        for (String name : mongo.getCollectionNames()) {
            if (!name.startsWith("bench_") && !name.startsWith("axon")) {
                documents += mongo.getCollection(name).countDocuments();
            }
        }
        return documents;
    }

    /** Mean BSON size of the projections' documents, from up to 200 of each collection. */
    private static int meanDocumentBytes(MongoTemplate mongo) {
        long bytes = 0;
        long documents = 0;
        for (String name : mongo.getCollectionNames()) {
            if (!name.startsWith("bench_") && !name.startsWith("axon")) {
                // in small batches: 200 batch item lists are one reply of ~60 MB at 200 points, over the driver's 48 MB
                for (Document document : mongo.getCollection(name).find().limit(200).batchSize(8)) {
                    bytes += new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
                    documents++;
                }
            }
        }
        return (int) (bytes / Math.max(1, documents));
    }

    /**
     * p50, p95, p99 in ms of a query: 20 warm-up calls or 20 s (at least 3 calls), then up to 1000 calls or 20 s (at
     * least 20 calls, or 10 when one takes over a second: the city's evaluation at 2,000 points takes ~25 s a call).
     */
    private static double[] latencies(IntConsumer query) {
        long warm = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int n = 0; n < 20 && (n < 3 || System.nanoTime() < warm); n++) {
            query.accept(-n - 1);
        }
        List<Long> nanos = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int n = 0; n < 1000 && (n < 10 || (n < 20 && nanos.get(n - 1) < 1_000_000_000L)
                || System.nanoTime() < until); n++) {
            long start = System.nanoTime();
            query.accept(n);
            nanos.add(System.nanoTime() - start);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length};
    }

    static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static StreamingEventProcessor processor(EventProcessingConfiguration processing, String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static long head(EventStore events) {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Waits until every streaming processor's every segment has reached the head of the stream as it is now. */
    private static void awaitProjections(EventProcessingConfiguration processing, EventStore events,
                                         Duration timeout) throws InterruptedException {
        awaitProjections(processing, events, timeout, System.nanoTime());
    }

    /** As above; answers the seconds from {@code since} (nanoTime) at which each processor was seen at the head. */
    private static Map<String, Double> awaitProjections(EventProcessingConfiguration processing, EventStore events,
                                                        Duration timeout, long since) throws InterruptedException {
        long head = head(events);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Double> reached = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            for (String name : processing.eventProcessors().keySet()) {
                Map<Integer, EventTrackerStatus> segments = processor(processing, name).processingStatus();
                if (!reached.containsKey(name) && !segments.isEmpty() && segments.values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)) {
                    reached.put(name, (System.nanoTime() - since) / 1e9);
                }
            }
            if (reached.size() == processing.eventProcessors().size()) {
                return reached;
            }
            Thread.sleep(10); // a rate counted to here (commandsOnly) is off by at most this
        }
        throw new AssertionError("projections did not reach position " + head + " within " + timeout + "; only "
                + reached.keySet());
    }

    /** Heap in use in another JVM right after a full GC, in MB, by {@code jcmd} (GC.run, then GC.heap_info). */
    private static double heapAfterFullGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
        assertThat(used.find()).as(text).isTrue();
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    /**
     * Not part of the benchmark: {@code -Dtest=CityBenchmark#replayOnly -Dbench.dataDir=...} replays every
     * projection of an existing data directory (a copy: the directory is changed) and prints when each was done,
     * and the replay's rate against the city run's yardstick (a raw {@code insertMany} into the same store) measured
     * after it.
     */
    @Test
    void replayOnly() throws Exception {
        onExistingCity((app, processing, events) -> {
            long start = System.nanoTime();
            replayAll(processing);
            Map<String, Double> reached = awaitProjections(processing, events, Duration.ofHours(2), start);
            double seconds = (System.nanoTime() - start) / 1e9;
            long replayed = head(events) + 1;
            System.out.println("replay of " + replayed + " events, seconds per projection: " + reached);
            // the city run's yardstick, measured here too: the ratio of one run, not of two
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            double raw = rawBulkWrite(mongo, (int) Math.min(replayed, 200_000), meanDocumentBytes(mongo));
            System.out.printf("replay %.0f events/s (%.1f s); raw insertMany %.0f documents/s; %.0f %%%n",
                    replayed / seconds, seconds, raw, 100 * replayed / seconds / raw);
            if (Boolean.getBoolean("bench.digest")) {
                printDigests(mongo);
            }
        });
    }

    /**
     * With {@code -Dbench.digest=true}: a SHA-256 of every projection collection's documents (by {@code _id}, fields
     * in name order), so that a change to how projections write can be shown to build the same read models.
     * {@code evaluation_counts} differs from run to run: its marks are new object ids at every write. Ten documents
     * a reply: a batch's deposit items are ~150 kB, and a reply may not exceed 48 MB.
     */
    private static void printDigests(MongoTemplate mongo) throws Exception {
        for (String name : new java.util.TreeSet<>(mongo.getCollectionNames())) {
            if (name.startsWith("axon_") || name.startsWith("system.")) {
                continue;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long count = 0;
            for (Document document : mongo.getCollection(name).find().sort(new Document("_id", 1)).batchSize(10)) {
                digest.update(canonical(document).getBytes(StandardCharsets.UTF_8));
                count++;
            }
            System.out.printf("digest %s %d %s%n", name, count, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** A value as text with every document's fields in name order. */
    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            new java.util.TreeMap<>(map).forEach((key, field) -> text.append(key).append('=')
                    .append(canonical(field)).append(','));
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CityBenchmark::canonical).toList().toString();
        }
        return String.valueOf(value);
    }

    /**
     * Not part of the benchmark: {@code -Dtest=CityBenchmark#hotOnly -Dbench.dataDir=...} lends and takes back one
     * item at a time on point 0's batch of an existing city (a copy: the directory is changed), as the benchmark's
     * hot-batch measurement does, and prints the rate of three rounds of {@code -Dbench.operations}.
     */
    @Test
    void hotOnly() throws Exception {
        onExistingCity((app, processing, events) -> {
            CommandGateway commands = app.getBean(CommandGateway.class);
            String point = CityGenerator.pointId(0);
            String batch = CityGenerator.batchId(0);
            List<String> shelf = app.getBean(MongoTemplate.class).getCollection("item_locations")
                    .find(new Document("batchId", batch).append("state", "AT_POINT"))
                    .map(found -> found.getString("_id")).into(new ArrayList<>());
            assertThat(shelf).isNotEmpty();
            IntConsumer hotPair = hotPair(commands, point, batch, shelf);
            for (int round = 1; round <= 3; round++) {
                System.out.printf("hot batch, round %d: %.0f commands/s sequential%n", round,
                        2 * rate(operations / 2, 1, hotPair));
                awaitProjections(processing, events, Duration.ofMinutes(30));
            }
        });
    }

    /**
     * Not part of the benchmark: {@code -Dtest=CityBenchmark#coldBatchOnly -Dbench.dataDir=...} measures a point's
     * first lend of the day as in service, where the city's points each meet their batch once or a few times a day,
     * far more batches than the cache keeps ({@code lendpoint.aggregate-cache.batch-entries}, 64): one item lent on
     * each generated point's batch in turn, so that each lend loads its batch from the event store (its snapshot and
     * the events after it), then taken back at once (the batch now cached). Two passes over the city, the second
     * measured; prints p50/p95/p99 of both commands.
     */
    @Test
    void coldBatchOnly() throws Exception {
        onExistingCity((app, processing, events) -> {
            CommandGateway commands = app.getBean(CommandGateway.class);
            MongoCollection<Document> locations = app.getBean(MongoTemplate.class).getCollection("item_locations");
            int points = generatedPoints(app);
            LocalDate today = LivePoints.today();
            List<Long> lends = new ArrayList<>();
            List<Long> takeBacks = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) {
                for (int point = 0; point < points; point++) {
                    String barcode = onShelf(locations, point);
                    String id = CityGenerator.pointId(point);
                    String batch = CityGenerator.batchId(point);
                    long start = System.nanoTime();
                    commands.sendAndWait(new LendItems(batch, id, "R1", List.of(barcode), today));
                    long lent = System.nanoTime();
                    commands.sendAndWait(new TakeBackItems(batch, id, List.of(barcode), today));
                    if (pass == 1) {
                        lends.add(lent - start);
                        takeBacks.add(System.nanoTime() - lent);
                    }
                }
            }
            Map<String, List<Long>> measured = new java.util.LinkedHashMap<>();
            measured.put("lend, its batch not cached", lends);
            measured.put("take back at once, its batch cached", takeBacks);
            for (Map.Entry<String, List<Long>> command : measured.entrySet()) {
                long[] sorted = command.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("%s: %d commands, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", command.getKey(),
                        sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
            }
        });
    }

    /** A barcode of point {@code index}'s batch on its shelf now (the generator's barcodes, read by {@code _id}). */
    private static String onShelf(MongoCollection<Document> locations, int index) {
        for (int item = 0; item < 2000; item++) {
            String barcode = CityGenerator.barcode(index, item);
            Document location = locations.find(new Document("_id", barcode)).first();
            if (location != null && "AT_POINT".equals(location.getString("state"))) {
                return barcode;
            }
        }
        throw new IllegalStateException("nothing on the shelf of point " + index);
    }

    /**
     * Not part of the benchmark: {@code -Dtest=CityBenchmark#evaluationOnly -Dbench.dataDir=...} times the point
     * evaluation (every point of the city in turn, first asked, then twice again: answered from the counts kept,
     * checked to be the same answers) and the city evaluation over the year on an existing city, and prints a digest
     * of the first answers, so that a change to how evaluations are read can be shown to give the same figures faster.
     * {@code -Dlendpoint.evaluation.periods-kept=0} computes every evaluation, as before the kept counts.
     */
    @Test
    void evaluationOnly() throws Exception {
        onExistingCity((app, processing, events) -> {
            List.of("evaluation_counts", "evaluation_parts")
                    .forEach(app.getBean(MongoTemplate.class)::dropCollection); // nothing kept at the start
            QueryGateway queries = app.getBean(QueryGateway.class);
            LocalDate today = LivePoints.today();
            List<String> points = pointsOf(app);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Long> firstNanos = new ArrayList<>();
            List<Long> pointNanos = new ArrayList<>();
            Map<String, PointEvaluation> first = new java.util.HashMap<>();
            for (int round = 0; round < 3; round++) {
                for (String point : points) {
                    long start = System.nanoTime();
                    PointEvaluation evaluation = queries.query(new PointEvaluationQuery(point, today.minusYears(1),
                            today), ResponseTypes.optionalInstanceOf(PointEvaluation.class)).join().orElseThrow();
                    if (round > 0) {
                        pointNanos.add(System.nanoTime() - start);
                        assertThat(evaluation).as("asked again, the same answer").isEqualTo(first.get(point));
                    } else {
                        firstNanos.add(System.nanoTime() - start);
                        first.put(point, evaluation);
                        digest.update(evaluation.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            List<Long> cityNanos = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                long start = System.nanoTime();
                PointEvaluation city = queries.query(new AreaEvaluationQuery(null, today.minusYears(1), today),
                        PointEvaluation.class).join();
                if (n >= 3) {
                    cityNanos.add(System.nanoTime() - start);
                } else if (n == 0) {
                    digest.update(city.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            // a period nobody asked for yet (the year to yesterday), its whole months kept by the first round (what
            // the nightly preparation keeps)
            LocalDate yesterday = today.minusDays(1);
            everyPointThenCity(queries, points, yesterday.minusYears(1), yesterday,
                    "(year to yesterday), first asked, its months kept");
            // this month's facts changed at every point (a loan today, say): its marks renewed, as the projection
            // renews them
            app.getBean(MongoTemplate.class).getCollection("evaluation_counts").updateMany(new Document(),
                    new Document("$set", new Document("months." + java.time.YearMonth.from(today),
                            new org.bson.types.ObjectId())));
            assertThat(everyPointThenCity(queries, points, today.minusYears(1), today,
                    "(year), after this month's marks changed")).as("after the change, the same answers")
                    .isEqualTo(first);
            long[] once = firstNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] point = pointNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] city = cityNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("point evaluation (year), first asked, %d calls: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms"
                    + "%npoint evaluation (year), asked again, %d calls over %d points: p50 %.2f ms, p95 %.2f ms, "
                    + "p99 %.2f ms%ncity evaluation (year), %d calls: p50 %.1f ms, p95 %.1f ms%nanswers' SHA-256: %s%n",
                    once.length, percentile(once, 50), percentile(once, 95), percentile(once, 99),
                    point.length, points.size(), percentile(point, 50), percentile(point, 95), percentile(point, 99),
                    city.length, percentile(city, 50), percentile(city, 95),
                    HexFormat.of().formatHex(digest.digest()));
        });
    }

    /**
     * Asks every point's evaluation of {@code from}–{@code to} once, then the city's once, and prints the times under
     * {@code label}; the points' answers by point.
     */
    private static Map<String, PointEvaluation> everyPointThenCity(QueryGateway queries, List<String> points,
                                                                   LocalDate from, LocalDate to, String label) {
        Map<String, PointEvaluation> answers = new java.util.HashMap<>();
        List<Long> nanos = new ArrayList<>();
        for (String point : points) {
            long start = System.nanoTime();
            answers.put(point, queries.query(new PointEvaluationQuery(point, from, to),
                    ResponseTypes.optionalInstanceOf(PointEvaluation.class)).join().orElseThrow());
            nanos.add(System.nanoTime() - start);
        }
        long city = System.nanoTime();
        queries.query(new AreaEvaluationQuery(null, from, to), PointEvaluation.class).join();
        double cityMs = (System.nanoTime() - city) / 1e6;
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("point evaluation %s, %d calls: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%ncity evaluation, the "
                        + "same, one call: %.1f ms%n", label, sorted.length, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), cityMs);
        return answers;
    }

    /**
     * Not part of the benchmark: {@code -Dtest=CityBenchmark#commandsOnly -Dbench.dataDir=...} records feedback on
     * the points of an existing city (a copy: the directory is changed), as the benchmark's command measurement
     * does, three rounds of {@code -Dbench.operations} with every event processor running (each sequential, then at
     * once on {@code bench.threads} threads, as the city run measures them) and three with every one paused, each
     * round after the projections caught up, and prints the rates; for the rounds with the processors running, also
     * the rate counted until every projection had caught up with the round's commands.
     */
    @Test
    void commandsOnly() throws Exception {
        onExistingCity((app, processing, events) -> {
            CommandGateway commands = app.getBean(CommandGateway.class);
            // the store may hold feedback of earlier runs of this method: ids of this run's own
            IntConsumer feedback = feedback(commands, "fb-only-" + UUID.randomUUID() + "-", pointsOf(app));
            for (int round = 1; round <= 3; round++) {
                for (int on : new int[] {1, threads}) {
                    long start = System.nanoTime();
                    double rate = rate(operations, on, feedback);
                    awaitProjections(processing, events, Duration.ofMinutes(30));
                    // with the projections' work the commands caused: how fast the city can be kept up to date
                    double sustained = operations / ((System.nanoTime() - start) / 1e9);
                    System.out.printf("RecordFeedback, round %d: %.0f commands/s on %d thread(s); %.0f/s until every "
                            + "projection caught up%n", round, rate, on, sustained);
                }
            }
            for (int round = 1; round <= 3; round++) {
                System.out.printf("RecordFeedback, every processor paused, round %d: %.0f commands/s sequential%n",
                        round, pausedRate(processing, events, () -> rate(operations, 1, feedback)));
            }
        });
    }

    /** A feedback on one of {@code points} (the n-th picked by {@link #random}), under ids {@code idPrefix} 1, 2, … */
    private static IntConsumer feedback(CommandGateway commands, String idPrefix, List<String> points) {
        AtomicInteger feedbackNo = new AtomicInteger();
        return n -> commands.sendAndWait(new RecordFeedback(idPrefix + feedbackNo.incrementAndGet(),
                points.get(random(n, points.size())), FeedbackChannel.PHONE_CALLBACK, LivePoints.today(), 1 + n % 5,
                null, "满意", "图书管理员"));
    }

    /** Lends the n-th item of {@code shelf} on the batch and takes it back: two commands on one hot aggregate. */
    private static IntConsumer hotPair(CommandGateway commands, String point, String batch, List<String> shelf) {
        return n -> {
            String barcode = shelf.get(n % shelf.size());
            commands.sendAndWait(new LendItems(batch, point, "R1", List.of(barcode), LivePoints.today()));
            commands.sendAndWait(new TakeBackItems(batch, point, List.of(barcode), LivePoints.today()));
        };
    }

    /**
     * The quick queries of the city run on an existing city, as it measures them (p50/p95/p99 by {@link #latencies}):
     * a raw {@code _id} read, "where is barcode X", the city dashboard, the city dashboard right after its counts
     * were declared stale (as after a point's status changed: the call counts the points again) and one point's
     * evaluation. Prints them; how a change to those queries is measured on a large store without a whole run.
     */
    @Test
    void queriesOnly() throws Exception {
        onExistingCity((app, processing, events) -> {
            QueryGateway queries = app.getBean(QueryGateway.class);
            MongoCollection<Document> locations = app.getBean(MongoTemplate.class).getCollection("item_locations");
            int points = generatedPoints(app);
            Map<String, IntConsumer> quick = quickQueries(queries, locations, points);
            Map<String, double[]> latency = new java.util.LinkedHashMap<>();
            quick.forEach((name, query) -> latency.put(name, latencies(query)));
            ReadModelVersions versions = app.getBean(ReadModelVersions.class);
            latency.put("city dashboard, counted again", latencies(n -> {
                versions.changed("service-point-dashboard"); // ServicePointQueries.DASHBOARD, package-private there
                quick.get("city dashboard").accept(n);
            }));
            latency.forEach((name, p) -> System.out.printf("%s: %.0f calls, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                    name, p[3], p[0], p[1], p[2]));
        });
    }

    /**
     * The rate {@code measure} gives with every event processor paused (the command path alone), the processors
     * then started again and caught up before the next measurement.
     */
    private static double pausedRate(EventProcessingConfiguration processing, EventStore events,
                                     Callable<Double> measure) throws Exception {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        double rate = measure.call();
        processing.eventProcessors().values().forEach(EventProcessor::start);
        awaitProjections(processing, events, Duration.ofMinutes(30));
        return rate;
    }

    /** The ids of the points the evaluation knows in an existing city, sorted. */
    /**
     * How many of the city's points the generator made (the city run's batch lives add points of their own, with
     * other barcodes).
     */
    private static int generatedPoints(ConfigurableApplicationContext app) {
        return (int) pointsOf(app).stream().filter(id -> id.startsWith("sp-demo")).count();
    }

    private static List<String> pointsOf(ConfigurableApplicationContext app) {
        List<String> points = app.getBean(MongoTemplate.class).getCollection("evaluation_points").find()
                .map(found -> found.getString("_id")).into(new ArrayList<>());
        points.sort(null);
        assertThat(points).isNotEmpty();
        return points;
    }

    /** What {@link #onExistingCity} runs on the application it started. */
    private interface CityWork {
        void run(ConfigurableApplicationContext app, EventProcessingConfiguration processing, EventStore events)
                throws Exception;
    }

    /**
     * Starts the standalone application on the data directory of {@code -Dbench.dataDir} (skipped without one),
     * waits until its projections are at the head, and runs {@code work} on it.
     */
    private static void onExistingCity(CityWork work) throws Exception {
        String dir = System.getProperty("bench.dataDir");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "-Dbench.dataDir not given");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE).run("--lendpoint.data-dir=" + dir, "--lendpoint.mongo.port=0")) {
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            EventStore events = app.getBean(EventStore.class);
            awaitProjections(processing, events, Duration.ofHours(2));
            work.run(app, processing, events);
        }
    }

    private static void replayAll(EventProcessingConfiguration processing) {
        for (String name : processing.eventProcessors().keySet()) {
            assertThat(PROJECTIONS.contains(name) || NOT_REPLAYED.contains(name))
                    .as("processor %s is neither a known projection nor known to be kept out of replays", name)
                    .isTrue();
            if (PROJECTIONS.contains(name)) {
                StreamingEventProcessor processor = processor(processing, name);
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
        }
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /**
     * Seconds from launching a fresh JVM ({@code -Xmx512m}, the test class path) to its first healthy answer; for
     * the standalone application on the loaded data directory, also the heap in use (MB, after a full GC, read
     * with {@code jcmd}) once it has answered the city dashboard and the city evaluation over the year.
     */
    private static double[] startUp(Path data, Class<?> main, boolean standalone) throws Exception {
        Path log = Files.createTempFile("lendpoint-startup", ".log");
        String[] arguments = standalone ? new String[] {"--lendpoint.data-dir=" + data, "--lendpoint.mongo.port=0"}
                : new String[0];
        long start = System.nanoTime();
        StandaloneProcess process = StandaloneProcess.launch(main, log, Duration.ofMinutes(10), arguments);
        try {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!standalone) {
                return new double[] {seconds, -1};
            }
            HttpClient http = HttpClient.newHttpClient();
            LocalDate today = LivePoints.today();
            for (String path : List.of("/api/service-points/dashboard", "/api/evaluations/city?from="
                    + today.minusYears(1) + "&to=" + today)) {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + process.port() + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "analyst:analyst-demo".getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            }
            return new double[] {seconds, heapAfterFullGc(process.pid())};
        } finally {
            process.stop();
        }
    }
}
