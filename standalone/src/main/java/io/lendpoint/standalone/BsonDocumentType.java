package io.lendpoint.standalone;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The value type of the projection store's collections: a document as BSON, written and read by mongo-java-server's
 * own wire codec. The stock type writes a document with Java serialisation, and reading it back through an
 * {@code ObjectInputStream} was most of the store's work on every read (issue 8, {@code ProjectionDocumentBenchmark}:
 * reading a day of a point's facts 21 µs, a 2000-item batch's deposit 2,140 µs, against 3.4 and 970 µs as BSON;
 * writing them 8.3 and 1,560 µs against 3.6 and 970 µs). A document the store holds is one the codec decoded from a
 * client's message or made by an update from such values, so it is written back as the bytes a client would be
 * sent and read as the codec reads them ({@code BsonDocumentTypeTest}). A document BSON cannot carry — over BSON's
 * 16 MB, which an update can grow one to, or holding a value the codec does not know — is written as before,
 * Java-serialised behind its own mark, so that no page is ever written that cannot be read. A store written with
 * the stock type is converted once when opened ({@link ProjectionStoreFormat}).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    private static final byte BSON = 0;
    private static final byte SERIALIZED = 1;

    private final ObjectDataType serialized = new ObjectDataType();

    /**
     * The memory a document is taken to hold in a page: as the stock type estimates a serialised object, twice a
     * running average of the sizes its map wrote, from 10,000, so that pages split and the cache fills as they did
     * before (one instance per map, as the stock type; pages sized by a lower first guess were read whole at
     * every start).
     */
    private volatile int averageSize = 10_000;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(Math.max(64, averageSize / 2));
        int length;
        try {
            BsonEncoder.encodeDocument(document, bson);
            length = bson.readableBytes();
        } catch (RuntimeException notBson) {
            length = Integer.MAX_VALUE;
        }
        if (length > BsonConstants.MAX_BSON_OBJECT_SIZE) {
            buffer.put(SERIALIZED);
            serialized.write(buffer, document);
            return;
        }
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        averageSize = (int) ((2L * length + 15L * averageSize) / 16);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get() == SERIALIZED) {
            return (Document) serialized.read(buffer);
        }
        int start = buffer.position();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start); // BSON's own length, first
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.duplicate().limit(start + length)));
        buffer.position(start + length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
