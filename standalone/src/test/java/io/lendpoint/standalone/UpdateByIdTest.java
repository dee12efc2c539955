package io.lendpoint.standalone;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection store's update by {@code _id} ({@link UpdateById}) against mongo-java-server's stock backend: the
 * same generated updates, sent to both, give the same answers (matched, modified, upserted, or the same error) and
 * leave the same documents, types and key order included.
 */
class UpdateByIdTest {

    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final List<Object> IDS = List.of("d0", "d1", "d2", "d3", "d4", 10L, 11L, 20, 21,
            new ObjectId("64b7f0000000000000000001"), "absent-1", "absent-2", 99L);
    private static final List<String> FIELDS = List.of("a", "b", "num", "n.x", "n.y", "facts.f0", "facts.f1",
            "facts.f2", "facts.f3", "facts.f0.v", "arr", "arr.1", "arr.$", "arr.0.v", "arr.2.w", "deep.p.q", "a.b",
            "n.x.z");

    @TempDir
    Path data;

    @Test
    @DisplayName("4,000 generated updates answer and store exactly as mongo-java-server's stock update does, also after a restart")
    void sameAsStock() {
        String file = data.resolve("mongo.mv").toString();
        Map<String, String> expected = new TreeMap<>();
        ProjectionStoreServer.serve(H2Backend.inMemory(), stockDatabase ->
                ProjectionStoreServer.with(file, ownDatabase -> {
                    MongoCollection<Document> stock = stockDatabase.getCollection("items");
                    MongoCollection<Document> own = ownDatabase.getCollection("items");
                    for (Object id : IDS.subList(0, 10)) {
                        Document seed = new Document("_id", id).append("a", 1).append("num", 5L)
                                .append("n", new Document("x", 1).append("y", "y"))
                                .append("facts", new Document("f0", new Document("v", 1)))
                                .append("arr", new ArrayList<>(List.of(1, 2)));
                        stock.insertOne(seed);
                        own.insertOne(Document.parse(seed.toJson(EXACT)));
                    }
                    Random random = new Random(20261128);
                    int errors = 0;
                    int modified = 0;
                    int typeOnly = 0;
                    for (int i = 0; i < 4_000; i++) {
                        Operation operation = operation(random, i);
                        Map<String, String> before = contents(stock);
                        String stockAnswer = operation.on(stock);
                        String ownAnswer = operation.on(own);
                        assertThat(ownAnswer).as("answer to %s", operation).isEqualTo(stockAnswer);
                        assertThat(contents(own)).as("documents after %s", operation).isEqualTo(contents(stock));
                        errors += stockAnswer.startsWith("error") ? 1 : 0;
                        modified += stockAnswer.contains("modified=1") ? 1 : 0;
                        boolean unmodified = stockAnswer.equals("ok matched=1 modified=0 upserted=-");
                        typeOnly += unmodified && !before.equals(contents(stock)) ? 1 : 0;
                    }
                    // the generator must reach both outcomes often, or the comparison proves little
                    assertThat(errors).isBetween(100, 2_000);
                    assertThat(modified).isGreaterThan(1_000);
                    assertThat(typeOnly).as("updates that change a number's type only: not modified")
                            .isGreaterThanOrEqualTo(10);
                    expected.putAll(contents(stock));
                }));
        ProjectionStoreServer.with(file, reopened -> assertThat(contents(reopened.getCollection("items")))
                .as("every update stored, not only changed in memory").isEqualTo(expected));
    }

    @Test
    @DisplayName("an update by _id stores a new document and leaves the one it read as it was; other updates change it in place, as the stock path does")
    void updateByIdTakesItsOwnPath() {
        ConsistentH2Backend backend = ConsistentH2Backend.open(data.resolve("path.mv").toString(),
                Duration.ofMillis(100));
        try {
            var collection = backend.resolveDatabase("test").createCollectionOrThrowIfExists("items");
            collection.addDocument(new de.bwaldvogel.mongo.bson.Document("_id", "x").append("a", 1).append("b", 1));
            de.bwaldvogel.mongo.bson.Document read = collection
                    .handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", "x"), 0, 1).iterator().next();

            de.bwaldvogel.mongo.bson.Document answer = collection.updateDocuments(
                    new de.bwaldvogel.mongo.bson.Document("_id", "x"),
                    new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("a", 2)),
                    ArrayFilters.empty(), false, false, NoopOplog.get());

            assertThat(answer.get("nModified")).isEqualTo(1);
            assertThat(read.get("a")).as("the document read before").isEqualTo(1);
            de.bwaldvogel.mongo.bson.Document now = collection
                    .handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", "x"), 0, 1).iterator().next();
            assertThat(now.get("a")).isEqualTo(2);

            collection.updateDocuments(new de.bwaldvogel.mongo.bson.Document("_id", "x").append("a", 2),
                    new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("b", 2)),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            assertThat(now.get("b")).as("a filter with more than _id: the stock path, in place").isEqualTo(2);
        } finally {
            backend.close();
        }
    }

    @Test
    @DisplayName("nModified compares as the stock path does: numbers by value, missing as null, keys in order")
    void normalisedComparison() {
        de.bwaldvogel.mongo.bson.Document before = new de.bwaldvogel.mongo.bson.Document("a", 5)
                .append("n", new de.bwaldvogel.mongo.bson.Document("x", 1).append("y", 2L));
        assertThat(UpdateById.sameNormalized(before, new de.bwaldvogel.mongo.bson.Document("a", 5L)
                .append("n", new de.bwaldvogel.mongo.bson.Document("x", 1.0).append("y", 2)))).isTrue();
        assertThat(UpdateById.sameNormalized(before, new de.bwaldvogel.mongo.bson.Document("a", 5)
                .append("n", new de.bwaldvogel.mongo.bson.Document("y", 2L).append("x", 1)))).isFalse();
        assertThat(UpdateById.sameNormalized(before, new de.bwaldvogel.mongo.bson.Document("a", 5)
                .append("n", new de.bwaldvogel.mongo.bson.Document("x", 1).append("y", 3L)))).isFalse();
        assertThat(UpdateById.sameNormalized(before, new de.bwaldvogel.mongo.bson.Document("a", 5))).isFalse();
        assertThat(UpdateById.sameNormalized(new de.bwaldvogel.mongo.bson.Document("a", List.of(1, 2L)),
                new de.bwaldvogel.mongo.bson.Document("a", List.of(1.0, 2)))).isTrue();
        assertThat(UpdateById.sameNormalized(new de.bwaldvogel.mongo.bson.Document("a", null),
                new de.bwaldvogel.mongo.bson.Document("a", de.bwaldvogel.mongo.backend.Missing.getInstance())))
                .isTrue();
    }

    private static Map<String, String> contents(MongoCollection<Document> collection) {
        Map<String, String> documents = new TreeMap<>();
        for (Document document : collection.find()) {
            documents.put(new Document("id", document.get("_id")).toJson(EXACT), document.toJson(EXACT));
        }
        return documents;
    }

    private static Operation operation(Random random, int i) {
        Object id = IDS.get(random.nextInt(IDS.size()));
        Bson filter = random.nextInt(10) == 0 ? Filters.and(Filters.eq("_id", id), Filters.exists("a"))
                : Filters.eq("_id", id);
        int kind = random.nextInt(20);
        if (kind == 0) {
            Document replacement = new Document("a", i).append("num", (long) i);
            boolean upsert = random.nextBoolean();
            return new Operation("replace " + filter + (upsert ? " upsert" : ""), collection -> {
                UpdateResult result = collection.replaceOne(filter, replacement, new ReplaceOptions().upsert(upsert));
                return answer(result);
            });
        }
        Document update = new Document();
        int operators = 1 + random.nextInt(3);
        for (int o = 0; o < operators; o++) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            Object value = value(random, i);
            switch (random.nextInt(19)) {
                case 0, 1, 2, 3 -> add(update, "$set", field, value);
                case 4 -> add(update, "$unset", field, "");
                case 5 -> add(update, "$inc", random.nextBoolean() ? "num" : field,
                        random.nextBoolean() ? 1 : random.nextBoolean() ? 2L : 0.5);
                case 6 -> add(update, "$push", "arr", value);
                case 7 -> add(update, "$addToSet", "arr", random.nextInt(4));
                case 8 -> add(update, "$pull", "arr", random.nextInt(4));
                case 9 -> add(update, random.nextBoolean() ? "$min" : "$max", "num", random.nextInt(10));
                case 10 -> add(update, "$setOnInsert", "created", i);
                case 11 -> add(update, "$set", "_id", random.nextBoolean() ? id : "other");
                case 12, 13 -> { // the same number, perhaps of another type: a change only nModified ignores
                    boolean inc = random.nextBoolean();
                    add(update, inc ? "$inc" : "$mul", List.of("a", "num", "n.x").get(random.nextInt(3)),
                            List.<Object>of(inc ? 0 : 1, inc ? 0L : 1L, inc ? 0.0 : 1.0).get(random.nextInt(3)));
                }
                case 14 -> add(update, "$rename", field, FIELDS.get(random.nextInt(FIELDS.size())));
                case 15 -> add(update, "$pop", "arr", random.nextBoolean() ? 1 : -1);
                case 16 -> add(update, "$pullAll", "arr", List.of(1, 2));
                case 17 -> add(update, "$push", random.nextBoolean() ? "arr" : field,
                        new Document("$each", java.util.Arrays.asList(value, random.nextInt(3))));
                default -> add(update, "$mul", "num", random.nextBoolean() ? 2 : 1);
            }
        }
        boolean upsert = random.nextInt(4) == 0;
        boolean many = random.nextInt(6) == 0;
        boolean bulk = random.nextInt(6) == 0;
        String described = (bulk ? "bulk " : many ? "many " : "one ") + filter + " " + update.toJson(EXACT)
                + (upsert ? " upsert" : "");
        return new Operation(described, collection -> {
            if (bulk) {
                List<WriteModel<Document>> writes = List.of(
                        new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(upsert)),
                        new UpdateOneModel<>(Filters.eq("_id", "d0"), new Document("$inc", new Document("num", 1))));
                try {
                    return answer(collection.bulkWrite(writes));
                } catch (MongoBulkWriteException e) {
                    return "error " + e.getWriteErrors().get(0).getCode() + " " + answer(e.getWriteResult());
                }
            }
            return answer(many ? collection.updateMany(filter, update, new UpdateOptions().upsert(upsert))
                    : collection.updateOne(filter, update, new UpdateOptions().upsert(upsert)));
        });
    }

    private static void add(Document update, String operator, String field, Object value) {
        ((Document) update.computeIfAbsent(operator, o -> new Document())).put(field, value);
    }

    private static Object value(Random random, int i) {
        return switch (random.nextInt(9)) {
            case 0 -> i;
            case 1 -> (long) (i % 3);
            case 2 -> (double) (i % 3);
            case 3 -> "s" + i % 4;
            case 4 -> new Document("v", i % 2).append("w", "w");
            case 5 -> new Document("w", "w").append("v", i % 2);
            case 6 -> List.of(1, i % 3);
            case 7 -> null;
            default -> 1;
        };
    }

    private static String answer(UpdateResult result) {
        return "ok matched=" + result.getMatchedCount() + " modified=" + result.getModifiedCount() + " upserted="
                + (result.getUpsertedId() == null ? "-" : result.getUpsertedId().toString());
    }

    private static String answer(BulkWriteResult result) {
        return "ok matched=" + result.getMatchedCount() + " modified=" + result.getModifiedCount() + " upserted="
                + result.getUpserts().size();
    }

    private record Operation(String described, Work work) {

        String on(MongoCollection<Document> collection) {
            try {
                return work.on(collection);
            } catch (MongoException e) {
                return "error " + e.getCode();
            }
        }

        @Override
        public String toString() {
            return described;
        }
    }

    @FunctionalInterface
    private interface Work {
        String on(MongoCollection<Document> collection);
    }
}
