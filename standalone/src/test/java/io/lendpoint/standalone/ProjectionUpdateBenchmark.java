package io.lendpoint.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 benchmark, not a timed test (run with {@code -Pbench -Dtest=ProjectionUpdateBenchmark}): what one
 * projection write by key costs in the application's projection store ({@link ConsistentH2Backend}, served on a
 * port, through the MongoDB driver as the projections write): a point's day of evaluation facts holding 10, 100 or
 * 400 facts, one fact replaced per update ({@code $set facts.<id>}, upserting, as {@code EvaluationDay.store}
 * does), in bulk writes of 20 as a processing batch sends them. Prints, per size, the mean wall time and the
 * process's CPU time per update over rounds after two warm-up rounds; asserts only that the last value written is
 * stored.
 */
@Tag("benchmark")
class ProjectionUpdateBenchmark {

    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 4_000;
    private static final int PER_BULK = 20;

    @TempDir
    Path data;

    @Test
    void dayOfFactsByKey() {
        ProjectionStoreServer.with(data.resolve("mongo.mv").toString(), database -> {
            MongoCollection<Document> days = database.getCollection("evaluation_days");
            System.out.println("| facts in the day | µs per update (wall) | µs per update (process CPU) |");
            System.out.println("|---:|---:|---:|");
            for (int size : List.of(10, 100, 400)) {
                String id = "sp-0001|size-" + size;
                for (int f = 0; f < size; f++) {
                    days.updateOne(Filters.eq("_id", id), Updates.set("facts.f" + f, fact(f, 0)),
                            new UpdateOptions().upsert(true));
                }
                double wall = 0;
                double cpu = 0;
                for (int round = 0; round < ROUNDS + 2; round++) {
                    long startWall = System.nanoTime();
                    long startCpu = processCpuNanos();
                    for (int i = 0; i < PER_ROUND; i += PER_BULK) {
                        List<WriteModel<Document>> writes = new ArrayList<>();
                        for (int b = 0; b < PER_BULK; b++) {
                            int n = round * PER_ROUND + i + b;
                            writes.add(new UpdateOneModel<>(new Document("_id", id),
                                    new Document("$set", new Document("facts.f" + n % size, fact(n % size, n)))
                                            .append("$setOnInsert", new Document("servicePointId", "sp-0001")),
                                    new UpdateOptions().upsert(true)));
                        }
                        days.bulkWrite(writes);
                    }
                    if (round >= 2) {
                        wall += (System.nanoTime() - startWall) / 1e3 / PER_ROUND;
                        cpu += (processCpuNanos() - startCpu) / 1e3 / PER_ROUND;
                    }
                }
                System.out.printf("| %d | %.1f | %.1f |%n", size, wall / ROUNDS, cpu / ROUNDS);
                int last = (ROUNDS + 2) * PER_ROUND - 1;
                Document stored = days.find(Filters.eq("_id", id)).first();
                assertThat(stored.get("facts", Document.class).get("f" + last % size, Document.class)
                        .getInteger("value")).isEqualTo(last);
            }
        });
    }

    private static Document fact(int f, int value) {
        return new Document("kind", "LOAN").append("servicePointId", "sp-0001").append("day", new Date(0))
                .append("count", 1).append("good", 1).append("value", value).append("reader", "R" + f)
                .append("item", "batch-0001/C0001%05d".formatted(f));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
