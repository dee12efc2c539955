package io.lendpoint.standalone;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection store written before issue 8's BSON documents (by the stock H2 backend, Java-serialised) opens with
 * the same documents, converted once, also after a conversion cut short.
 */
class ProjectionStoreFormatTest {

    @TempDir
    Path data;

    private static List<Document> items(int count) {
        List<Document> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new Document("_id", "BC%05d".formatted(i)).append("state", i % 3 == 0 ? "LENT" : "AT_POINT")
                    .append("since", new Date(1_770_000_000_000L + i))
                    .append("price", new Decimal128(new BigDecimal("30.05")))
                    .append("reader", i % 2 == 0 ? null : "R-" + i).append("objectId", new ObjectId())
                    .append("tags", List.of("I247.5", i)).append("raw", new Binary(new byte[] {1, 2, (byte) i}))
                    .append("nested", new Document("title", "红楼梦 第" + i + "卷").append("count", (long) i)));
        }
        return items;
    }

    @Test
    @DisplayName("a store of the stock backend opens with the same documents, converted once, and keeps taking writes")
    void storeOfTheStockBackend() {
        String file = data.resolve("mongo.mv").toString();
        List<Document> items = items(12_000); // more than one commit of the conversion
        List<Document> points = List.of(new Document("_id", "sp-1").append("name", "一中"));
        withStockStore(file, db -> {
            db.getCollection("items").insertMany(items);
            db.getCollection("points").insertMany(points);
        });

        ProjectionStoreServer.with(file, db -> {
            assertThat(db.getCollection("items").find().into(new ArrayList<>())).isEqualTo(items);
            assertThat(db.getCollection("points").find().into(new ArrayList<>())).isEqualTo(points);
            assertThat(db.getCollection("items").find(new Document("_id", "BC00042")).first()).isEqualTo(items.get(42));
            db.getCollection("points").insertOne(new Document("_id", "sp-2").append("name", "二中"));
        });
        try (MVStore store = new MVStore.Builder().fileName(file).readOnly().open()) {
            MVMap<String, String> format = store.openMap(ProjectionStoreFormat.FORMAT_MAP);
            assertThat(format.get(ProjectionStoreFormat.STORE)).isEqualTo(ProjectionStoreFormat.BSON);
            assertThat(store.getMapNames()).noneMatch(name -> name.startsWith("lendpoint.converting."));
        }
        ProjectionStoreServer.with(file, db -> {
            assertThat(db.getCollection("items").find().into(new ArrayList<>())).as("not converted twice")
                    .isEqualTo(items);
            assertThat(db.getCollection("points").countDocuments()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("a conversion cut short, one collection done and another half copied, is finished at the next start")
    void conversionCutShort() {
        String file = data.resolve("mongo.mv").toString();
        List<Document> items = items(3_000);
        List<Document> points = List.of(new Document("_id", "sp-1"));
        withStockStore(file, db -> {
            db.getCollection("items").insertMany(items);
            db.getCollection("points").insertMany(points);
        });
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<String, String> format = store.openMap(ProjectionStoreFormat.FORMAT_MAP);
            String itemsMap = ProjectionStoreFormat.DOCUMENTS_PREFIX + "test.items";
            String pointsMap = ProjectionStoreFormat.DOCUMENTS_PREFIX + "test.points";
            assertThat(store.getMapNames()).contains(itemsMap, pointsMap);
            ProjectionStoreFormat.convert(store, format, pointsMap);
            MVMap<Object, Object> stock = store.openMap(itemsMap);
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> half = ProjectionStoreFormat.documents(store,
                    "lendpoint.converting." + itemsMap);
            stock.entrySet().stream().limit(1_000)
                    .forEach(entry -> half.put(entry.getKey(), (de.bwaldvogel.mongo.bson.Document) entry.getValue()));
            store.commit();
        }

        ProjectionStoreServer.with(file, db -> {
            assertThat(db.getCollection("items").find().into(new ArrayList<>())).isEqualTo(items);
            assertThat(db.getCollection("points").find().into(new ArrayList<>())).isEqualTo(points);
        });
    }

    private static void withStockStore(String file, Consumer<MongoDatabase> work) {
        ProjectionStoreServer.serve(new H2Backend(new MVStore.Builder().fileName(file).open()), work);
    }
}
