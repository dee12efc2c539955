package io.lendpoint.standalone;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 benchmark, not a timed test (run with {@code -Pbench -Dtest=ProjectionDocumentBenchmark}): how long the
 * projection store takes to write and read one document with the stock value type (Java serialisation) and with
 * {@link BsonDocumentType}, for two shapes the evaluation reads most — a day of a point's facts (six loans) and a
 * 2000-item batch's deposit — each the mean of rounds of many, after two warm-up rounds. Prints µs per document and
 * the bytes each writes; asserts only that each reads back what it wrote.
 */
@Tag("benchmark")
class ProjectionDocumentBenchmark {

    private static final Instant DAY = Instant.parse("2026-03-04T00:00:00Z");

    @Test
    void stockAgainstBson() {
        Document day = new Document("_id", "sp-0001|2026-03-04").append("servicePointId", "sp-0001").append("day", DAY);
        Document facts = new Document();
        for (int i = 0; i < 6; i++) {
            String id = UUID.randomUUID().toString();
            facts.append(id, new Document("_id", id).append("kind", "LOAN").append("servicePointId", "sp-0001")
                    .append("day", DAY).append("count", 1).append("good", 1).append("value", 0L)
                    .append("reader", "R" + i).append("item", "batch-0001/C0001000" + i));
        }
        day.append("facts", facts);
        List<Document> items = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            items.add(new Document("servicePointId", "sp-0001").append("batchId", "batch-0001")
                    .append("barcode", "C0001%05d".formatted(i)).append("title", "红楼梦 第" + i + "卷")
                    .append("category", "I247.5").append("from", DAY).append("to", null));
        }
        Document deposit = new Document("_id", "batch-0001").append("servicePointId", "sp-0001")
                .append("lastSequence", 12L).append("items", items);

        System.out.println("| document | value type | bytes | write µs | read µs |\n|---|---|---:|---:|---:|");
        measure("a day of facts", day, 20_000);
        measure("a 2000-item deposit", deposit, 200);
    }

    private static void measure(String name, Document document, int perRound) {
        for (BasicDataType<?> type : List.of(new ObjectDataType(), new BsonDocumentType())) {
            @SuppressWarnings("unchecked")
            BasicDataType<Object> values = (BasicDataType<Object>) type;
            WriteBuffer written = new WriteBuffer();
            values.write(written, document);
            ByteBuffer bytes = written.getBuffer().flip();
            assertThat(values.read(bytes.duplicate())).isEqualTo(document);
            WriteBuffer reused = new WriteBuffer(); // a new one allocates 1 MB: that would be most of what is timed
            double write = microsPerCall(perRound, () -> {
                values.write(reused.clear(), document);
                return null;
            });
            double read = microsPerCall(perRound, () -> values.read(bytes.duplicate()));
            System.out.printf("| %s | %s | %d | %.1f | %.1f |%n", name, type.getClass().getSimpleName(),
                    bytes.remaining(), write, read);
        }
    }

    /** The mean µs of a call over 5 rounds of {@code perRound}, after 2 warm-up rounds. */
    private static double microsPerCall(int perRound, Supplier<Object> call) {
        long nanos = 0;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                call.get();
            }
            if (round >= 2) {
                nanos += System.nanoTime() - start;
            }
        }
        return nanos / 1e3 / (5.0 * perRound);
    }
}
