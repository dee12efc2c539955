package io.lendpoint.standalone;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection store's documents written as BSON read back equal, in order, whatever they hold (issue 8). */
class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    private static Document everyKind() {
        return new Document("_id", "BC0001|2026-03-04")
                .append("text", "红楼梦 \u0000 nul, é, 𝄞")
                .append("int", Integer.MIN_VALUE).append("long", Long.MAX_VALUE)
                .append("double", -0.0).append("nan", Double.NaN).append("true", true).append("false", false)
                .append("null", null).append("instant", Instant.parse("2026-03-03T16:00:00Z"))
                .append("objectId", new ObjectId()).append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("binary", new BinData(new byte[] {0, 1, -1}))
                .append("decimal", new Decimal128(new BigDecimal("30.05"))).append("timestamp", new BsonTimestamp(42L))
                .append("max", MaxKey.getInstance())
                .append("min", MinKey.getInstance()).append("empty", new Document())
                .append("nested", new Document("facts", new Document("e-1", new Document("count", 1).append("day",
                        Instant.parse("2026-03-04T00:00:00Z")))))
                .append("list", List.of(1, "two", 3L, new Document("four", 4), List.of(5.0), new ArrayList<>()));
    }

    @Test
    @DisplayName("every kind of value a stored document holds reads back equal, field order kept, documents back to back")
    void roundTrip() {
        List<Document> documents = List.of(everyKind(), new Document("_id", 7L), everyKind());
        WriteBuffer buffer = new WriteBuffer();
        documents.forEach(document -> type.write(buffer, document));
        ByteBuffer written = buffer.getBuffer().flip();

        for (Document document : documents) {
            Document read = type.read(written);
            assertThat(read).isEqualTo(document);
            assertThat(new ArrayList<>(read.keySet())).isEqualTo(new ArrayList<>(document.keySet()));
        }
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    @DisplayName("a regular expression (which has no equality of its own) reads back with its pattern and options")
    void regularExpression() {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, new Document("regex", new BsonRegularExpression("^BC", "i")));
        BsonRegularExpression read = (BsonRegularExpression) type.read(buffer.getBuffer().flip())
                .get("regex");
        assertThat(read.getPattern()).isEqualTo("^BC");
        assertThat(read.getOptions()).isEqualTo("i");
    }

    @Test
    @DisplayName("a document BSON cannot carry (over 16 MB, or with a value it does not know) is written as before and reads back")
    void notBson() {
        Document large = new Document("_id", "large").append("padding", "x".repeat(17 * 1024 * 1024));
        Document unknown = new Document("_id", "unknown").append("set", new LinkedHashSet<>(List.of("a")))
                .append("value", new StringBuilder("not a BSON value"));
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, large);
        type.write(buffer, unknown);
        type.write(buffer, new Document("_id", "after"));
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(type.read(written)).isEqualTo(large);
        Document readUnknown = type.read(written);
        assertThat(readUnknown.get("value").toString()).isEqualTo("not a BSON value");
        assertThat(readUnknown.get("set")).isEqualTo(new LinkedHashSet<>(List.of("a")));
        assertThat(type.read(written)).isEqualTo(new Document("_id", "after"));
    }
}
