package io.lendpoint.query.evaluation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city-wide reads of the evaluation on the embedded store, with more than the 48 MB the driver accepts in one
 * reply: the 200-point city benchmark failed there (a 103 MB reply) until the reads asked for batches.
 */
class CityWideReadsTest {

    private static final String LONG_TITLE = "书".repeat(250); // ~750 bytes in UTF-8

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "city-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    @DisplayName("§7.1 the city's deposit is read whole even when it is more than one reply can carry")
    void depositLargerThanOneReply() {
        int batches = 34; // 34 × 2000 items of ~800 bytes: ~55 MB
        for (int b = 0; b < batches; b++) {
            List<Document> items = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                items.add(new Document("servicePointId", "sp-" + b).append("batchId", "b-" + b)
                        .append("barcode", "D%05d-%04d".formatted(b, i)).append("title", LONG_TITLE)
                        .append("category", "I247"));
            }
            mongo.getCollection(DepositBatch.COLLECTION).insertOne(new Document("_id", "b-" + b)
                    .append("servicePointId", "sp-" + b).append("lastSequence", 9).append("items", items));
        }

        assertThat(DepositBatch.all(mongo)).hasSize(batches * 2000);
    }

    @Test
    @DisplayName("§7.1 the city's days of facts are read whole even when they are more than one reply can carry")
    void daysLargerThanOneReply() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        int days = 600; // 600 days of 120 facts of ~800 bytes: ~57 MB
        List<Document> batch = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            Date day = Date.from(first.plusDays(d % 300).atStartOfDay(ZoneOffset.UTC).toInstant());
            String point = "sp-" + (d / 300);
            Document facts = new Document();
            for (int f = 0; f < 120; f++) {
                String id = "e-" + d + "-" + f;
                facts.append(id, new Document("_id", id).append("kind", "DEMAND").append("servicePointId", point)
                        .append("day", day).append("count", 1).append("good", 0).append("value", 0L)
                        .append("category", LONG_TITLE));
            }
            batch.add(new Document("_id", point + "|" + first.plusDays(d % 300)).append("servicePointId", point)
                    .append("day", day).append("facts", facts));
            if (batch.size() == 50) {
                mongo.getCollection(EvaluationDay.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }

        assertThat(EvaluationDay.of(mongo, first, first.plusDays(299))).hasSize(days * 120);
    }
}
