package io.lendpoint.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection store answers a query on {@code _id} and other fields by the {@code _id} index and the rest of the
 * query ({@code ConsistentH2Backend}): the same answers as a scan, for finds, updates and deletes, across a restart.
 */
class IdFirstQueriesTest {

    @TempDir
    Path data;

    @Test
    @DisplayName("a query naming _id and more finds, updates and deletes exactly what matches all of it")
    void idAndMore() {
        String file = data.resolve("mongo.mv").toString();
        withStore(file, items -> {
            for (int i = 0; i < 50; i++) {
                items.insertOne(new Document("_id", "BC%04d".formatted(i)).append("since", i).append("state", "AT_POINT"));
            }
            items.insertOne(new Document("_id", 7L).append("since", 1));

            assertThat(ids(items.find(Filters.and(Filters.eq("_id", "BC0010"), Filters.lte("since", 10)))))
                    .containsExactly("BC0010");
            assertThat(ids(items.find(Filters.and(Filters.eq("_id", "BC0010"), Filters.lte("since", 9))))).isEmpty();
            assertThat(ids(items.find(Filters.and(Filters.eq("_id", "BC9999"), Filters.lte("since", 9))))).isEmpty();
            assertThat(items.find(Filters.and(Filters.eq("_id", 7L), Filters.eq("since", 1))).first()).isNotNull();
            assertThat(ids(items.find(Filters.and(Filters.eq("_id", "BC0003"),
                    Filters.or(Filters.eq("state", "LENT"), Filters.gte("since", 3)))))).containsExactly("BC0003");

            assertThat(items.updateOne(Filters.and(Filters.eq("_id", "BC0020"), Filters.lte("since", 19)),
                    Updates.set("state", "LENT")).getModifiedCount()).isZero();
            assertThat(items.updateOne(Filters.and(Filters.eq("_id", "BC0020"), Filters.lte("since", 20)),
                    Updates.set("state", "LENT")).getModifiedCount()).isOne();
            assertThat(items.deleteMany(Filters.and(Filters.eq("_id", "BC0030"), Filters.eq("state", "LENT")))
                    .getDeletedCount()).isZero();
            assertThat(items.countDocuments(Filters.eq("state", "LENT"))).isOne();
        });
        withStore(file, items -> {
            assertThat(ids(items.find(Filters.and(Filters.eq("_id", "BC0020"), Filters.eq("state", "LENT")))))
                    .as("after a restart, the collection reopened as the same maps").containsExactly("BC0020");
            assertThat(items.countDocuments()).isEqualTo(51);
        });
    }

    @Test
    @DisplayName("reopening a store reads none of the documents for the secondary indexes it does not keep, which still answer by scan")
    void secondaryIndexesCostNothingAtOpen() {
        String file = data.resolve("mongo.mv").toString();
        String padding = "x".repeat(4_000);
        withStore(file, items -> {
            items.createIndex(Indexes.ascending("day"));
            items.createIndex(Indexes.ascending("servicePointId", "day"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                documents.add(new Document("_id", "sp-%d|%d".formatted(i % 30, i)).append("servicePointId", "sp-" + i % 30)
                        .append("day", "2026-01-%02d".formatted(1 + i % 28)).append("facts", padding));
            }
            items.insertMany(documents);
        });

        ConsistentH2Backend reopened = ConsistentH2Backend.open(file, Duration.ofMillis(100));
        try {
            // the documents are ~12 MB: reading them once, as building an index does, would read at least that.
            // Opening reads the store's chunk metadata, which grows with the number of commits the writes took (the
            // committer runs every 100 ms): under 1 MB in every run until 2.4 MB was read once beside a benchmark
            assertThat(reopened.bytesRead()).isLessThan(4_000_000);
        } finally {
            reopened.close();
        }
        withStore(file, items -> {
            assertThat(items.countDocuments(Filters.eq("day", "2026-01-05"))).isEqualTo(107);
            assertThat(items.countDocuments(Filters.and(Filters.eq("servicePointId", "sp-4"),
                    Filters.eq("day", "2026-01-05")))).isEqualTo(8);
            assertThat(items.listIndexes()).hasSize(3);
        });
    }

    private static void withStore(String file, java.util.function.Consumer<MongoCollection<Document>> work) {
        ProjectionStoreServer.with(file, db -> work.accept(db.getCollection("items")));
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }
}
