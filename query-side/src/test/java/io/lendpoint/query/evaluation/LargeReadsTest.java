package io.lendpoint.query.evaluation;

import io.lendpoint.query.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read of the evaluation on the embedded store with more than the 48 MB the driver accepts in one reply: the
 * 200-point city benchmark failed on such a reply (103 MB) until the reads asked for batches.
 */
class LargeReadsTest {

    private static final String LONG_TITLE = "书".repeat(250); // ~750 bytes in UTF-8

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        mongo = store.template("city-test");
    }

    @Test
    @DisplayName("§7.1 a point's deposit is read whole even when it is more than one reply can carry")
    void depositLargerThanOneReply() {
        int batches = 34; // years of batches at one point, 34 × 2000 items of ~800 bytes: ~55 MB
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Document> items = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                items.add(new Document("servicePointId", "sp-1").append("batchId", "b-" + b)
                        .append("barcode", "D%05d-%04d".formatted(b, i)).append("title", LONG_TITLE)
                        .append("category", "I247"));
            }
            ids.add("b-" + b);
            mongo.getCollection(DepositBatch.COLLECTION).insertOne(new Document("_id", "b-" + b)
                    .append("servicePointId", "sp-1").append("lastSequence", 9).append("items", items));
        }

        assertThat(DepositBatch.itemsOf(mongo, ids)).hasSize(batches * 2000);
    }
}
