package io.lendpoint.standalone;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * How the projection store's documents are written ({@link BsonDocumentType}), kept in the store (map
 * {@code lendpoint.format}), and the one-time conversion of a store written before as Java-serialised documents by
 * the stock type: each collection is copied into a new map as BSON, which then takes the old one's place in the same
 * commit as the mark that it is done, so a conversion cut short (a crash, {@code kill -9}) leaves every collection
 * either converted and marked, or as it was and converted again at the next start. It commits every
 * {@link #DOCUMENTS_PER_COMMIT} documents, or sooner once {@link #UNSAVED_BYTES_PER_COMMIT} of copied pages wait in
 * memory, so that it never holds a large collection there (a 2000-item batch's deposit is ~300 kB, and the store
 * knows a document's size only once it has written some of that collection).
 */
final class ProjectionStoreFormat {

    static final String FORMAT_MAP = "lendpoint.format";
    /** The mark of the whole store, and of each collection converted so far. */
    static final String BSON = "bson";
    static final String STORE = "documents";
    /** mongo-java-server's name prefix for a collection's documents: {@code databases.<db>.<collection>}. */
    static final String DOCUMENTS_PREFIX = "databases.";
    private static final String CONVERTING_PREFIX = "lendpoint.converting.";
    static final int DOCUMENTS_PER_COMMIT = 256;
    static final int UNSAVED_BYTES_PER_COMMIT = 16 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ProjectionStoreFormat.class);

    private ProjectionStoreFormat() {
    }

    /** The documents map of a collection, by its name, as BSON. */
    static MVMap<Object, Document> documents(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
    }

    /** Makes the store one of BSON documents: a new one is marked so, an older one converted first. */
    static void ensureBson(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (BSON.equals(format.get(STORE))) {
            return;
        }
        List<String> collections = store.getMapNames().stream().filter(name -> name.startsWith(DOCUMENTS_PREFIX))
                .filter(name -> !BSON.equals(format.get(name))).toList();
        if (!collections.isEmpty()) {
            log.info("converting the projection store's documents to BSON: {} collections", collections.size());
        }
        long started = System.nanoTime();
        for (String name : collections) {
            long copied = convert(store, format, name);
            log.info("converted {}: {} documents", name, copied);
        }
        format.put(STORE, BSON);
        store.commit();
        if (!collections.isEmpty()) {
            log.info("projection store converted to BSON in {} s", (System.nanoTime() - started) / 1_000_000_000L);
        }
    }

    static long convert(MVStore store, MVMap<String, String> format, String name) {
        String temporary = CONVERTING_PREFIX + name;
        if (store.hasMap(temporary)) {
            store.removeMap(temporary); // a conversion cut short: start this collection again
        }
        MVMap<Object, Object> old = store.openMap(name); // the stock types, as it was written
        MVMap<Object, Document> converted = documents(store, temporary);
        long copied = 0;
        for (Cursor<Object, Object> cursor = old.cursor(null); cursor.hasNext(); ) {
            Object position = cursor.next();
            converted.put(position, (Document) cursor.getValue());
            if (++copied % DOCUMENTS_PER_COMMIT == 0 || store.getUnsavedMemory() > UNSAVED_BYTES_PER_COMMIT) {
                store.commit();
            }
        }
        store.removeMap(old);
        store.renameMap(converted, name);
        format.put(name, BSON);
        store.commit();
        return copied;
    }
}
