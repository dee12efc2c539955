package io.lendpoint.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.util.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 backend with commits that are a consistent cut between whole operations. The stock backend
 * lets the MVStore commit in the background while operations run; such a commit stores the collections one after
 * another, so it can hold an operation's later write (a processor's token) without an earlier one (the projection
 * document the token vouches for). After {@code kill -9} the store reopens at that commit, and the projection has
 * lost an event for good: the token says it was handled. Here every operation holds a shared lock and a commit
 * (every {@code interval}, and at close) the exclusive one, so a commit contains each operation entirely or not at
 * all, and a token is never on disk ahead of the writes that preceded it. Reads take no lock. What a commit risks is
 * unchanged: after {@code kill -9} up to an interval of projection writes is redone from the event store (the
 * interval is looked at every 50 ms, and counted from the end of the last commit). MVStore's
 * own early store (a writer that finds more than its buffer unsaved stores everything in its own thread, while the
 * other writers go on) is off: it tore operations as the background commit did. The commit thread takes it over,
 * committing before the interval is up once that much is unsaved.
 *
 * <p>It also finds by index what a query names by {@code _id}. The stock backend uses an index only when the query
 * has exactly that index's fields, so a query on {@code _id} and anything else (an update "of this item, unless a
 * later event already moved it": {@code {_id: x, since: {$lte: t}}}) scans the whole collection. Here such a query
 * looks up the one document with that {@code _id} and tests the rest of the query on it, as MongoDB does. And its
 * unique indexes compare their keys without serialising them ({@link SerializedKeyOrder}), the secondary indexes
 * it does not keep are not "built" from every document at each start ({@link IgnoredSecondaryIndex}), and it keeps
 * documents as BSON, not Java-serialised ({@link BsonDocumentType}, {@link ProjectionStoreFormat}).
 */
final class ConsistentH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ConsistentH2Backend.class);

    /** Commands that change nothing: a long scan must not hold up a commit, nor the writes queued behind it. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate",
            "listcollections", "listindexes", "listdatabases", "ping", "ismaster", "hello", "buildinfo",
            "serverstatus", "whatsmyuri", "killcursors", "endsessions", "dbstats", "collstats", "getlasterror");

    /** H2's own default page cache, in megabytes. */
    static final int DEFAULT_CACHE_MB = 16;

    /**
     * Unsaved page memory past which the store is committed before its interval is up: H2's own threshold for its
     * early store, 19 MB ("19 KB memory is about 1 KB storage") or less under a heap smaller than about 300 MB.
     */
    static final int EARLY_COMMIT_BYTES = Math.max(1, Math.min(19, Utils.scaleForAvailableMemory(64))) * 1024 * 1024;

    /** A failed commit is logged at most this often while it keeps failing. */
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    /** How often the commit thread looks at what is unsaved, at most. */
    private static final Duration LOOK = Duration.ofMillis(50);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final MVStore store;
    private final long intervalNanos;
    private volatile long lastCommitNanos = System.nanoTime();
    private long lastFailureLoggedNanos = System.nanoTime() - FAILURE_LOG_INTERVAL.toNanos();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-store-commit");
        thread.setDaemon(true);
        return thread;
    });

    private ConsistentH2Backend(MVStore store, Duration interval) {
        super(store);
        this.store = store;
        this.intervalNanos = interval.toNanos();
        long look = Math.max(1, Math.min(interval.toMillis(), LOOK.toMillis()));
        committer.scheduleWithFixedDelay(this::commitWhenDue, look, look, TimeUnit.MILLISECONDS);
    }

    static ConsistentH2Backend open(String file, Duration interval) {
        return open(file, interval, DEFAULT_CACHE_MB);
    }

    /**
     * The store in {@code file}, committed every {@code interval}, with a page cache of {@code cacheMb} megabytes
     * (H2's default is 16).
     */
    static ConsistentH2Backend open(String file, Duration interval, int cacheMb) {
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0)
                .cacheSize(cacheMb).open();
        ProjectionStoreFormat.ensureBson(store);
        return new ConsistentH2Backend(store, interval);
    }

    /** Bytes read from the store's file since it was opened: what opening it cost (checked by a test). */
    long bytesRead() {
        return store.getFileStore().getReadBytes();
    }

    /**
     * Commits once the interval is up, or earlier when more than {@link #EARLY_COMMIT_BYTES} are unsaved. A failure is
     * logged and the next look tries again: a scheduled task that throws is never run again, and nothing else would
     * commit (MVStore's own early store is off).
     */
    private void commitWhenDue() {
        try {
            if (System.nanoTime() - lastCommitNanos >= intervalNanos
                    || store.getUnsavedMemory() > EARLY_COMMIT_BYTES) {
                commitNow();
            }
        } catch (Throwable failure) { // anything, or the commit thread's schedule would end
            long now = System.nanoTime();
            if (now - lastFailureLoggedNanos >= FAILURE_LOG_INTERVAL.toNanos()) {
                lastFailureLoggedNanos = now;
                log.error("Projection store commit failed; trying again every {} ms while it fails", LOOK.toMillis(),
                        failure);
            }
        }
    }

    /** As {@link #commitNow}: the stock backend's commit, which nothing here calls, is a consistent cut too. */
    @Override
    public void commit() {
        commitNow();
    }

    /** Stores what the operations completed so far changed: none of them in part. */
    void commitNow() {
        lock.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
            }
            lastCommitNanos = System.nanoTime();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (READS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query); // changes nothing: need not wait
        }
        lock.readLock().lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        lock.readLock().lock();
        try {
            return super.handleQuery(query);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdFirstDatabase(databaseName);
    }

    /**
     * The stock database with {@link IdFirstCollection}s. An inner class, reaching the store through the backend's
     * {@code getMvStore()}: the stock constructors open the existing databases and collections before any subclass
     * field is set (the backend's store is set first).
     */
    private final class IdFirstDatabase extends H2Database {

        IdFirstDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * As the stock database opens a collection (the same maps), as an {@link IdFirstCollection}, its documents
         * as BSON ({@link BsonDocumentType}).
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = ProjectionStoreFormat.documents(getMvStore(),
                    ProjectionStoreFormat.DOCUMENTS_PREFIX + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new IdFirstCollection(this, collectionName, options, data, meta, getCursorRegistry());
        }

        /** As the stock database ignores a secondary index, but without reading the collection to build nothing. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return new IgnoredSecondaryIndex(indexName, keys);
        }

        /** As the stock database opens a unique index (the same map), but ordered by {@link SerializedKeyOrder}. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return SerializedKeyIndex.open(getMvStore(), getFullCollectionNamespace(collectionName) + "._index_"
                    + indexName, indexName, keys, sparse);
        }
    }

    /**
     * A collection that narrows a query with an equality on {@code _id} to that document by the index, and does not
     * keep a running total of its documents' sizes.
     */
    static final class IdFirstCollection extends H2Collection {

        IdFirstCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        /**
         * The stock collection encodes a document to BSON twice per update (before and after) only to keep the
         * total behind {@code collStats}' {@code size}, which nothing here reads: that was a fifth of the store's
         * worker time in a replay (issue 8, JFR of {@code CityBenchmark#replayOnly}). The figure stays at what it
         * was when tracking stopped.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = query.get("_id");
            if (query.size() > 1 && UpdateById.isKey(id)) {
                Document byId = new Document("_id", id);
                Index<Object> index = indexFor(byId);
                if (index != null) { // the whole query is then tested on what the index found
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
                            batchSize, fieldSelector);
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * An update by {@code _id} alone with operators only stores a new document that copies only what the
         * update reaches and shares the rest with the stored one, instead of the stock path's two whole copies and
         * two normalised ones ({@link UpdateById}); anything else takes the stock path. Same answers, same
         * documents: {@code UpdateByIdTest}.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            Object id = UpdateById.idOf(selector);
            Object position = id != null && arrayFilters.isEmpty() && UpdateById.operatorsOnly(update)
                    ? positionOf(id) : null;
            if (position == null) {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            Document stored = getDocument(position);
            Document updated = UpdateById.calculate(this, stored, update);
            boolean modified = false;
            if (!updated.equals(stored)) { // the stock path's test for a write
                for (Index<Object> index : getIndexes()) {
                    index.checkUpdate(stored, updated, this);
                }
                for (Index<Object> index : getIndexes()) {
                    index.updateInPlace(stored, updated, position, this);
                }
                Document written = UpdateById.inStoredOrder(stored, updated);
                handleUpdate(position, stored, written);
                modified = !UpdateById.sameNormalized(stored, written); // and its test for nModified
            }
            oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(stored.get("_id")) : List.of());
            Document result = new Document();
            result.put("n", 1);
            result.put("nModified", modified ? 1 : 0);
            return result;
        }

        /** Where the document of this {@code _id} is stored, by the index on {@code _id}; null if none is. */
        private Object positionOf(Object id) {
            Document byId = new Document("_id", id);
            Index<Object> index = indexFor(byId);
            if (index == null) {
                return null;
            }
            Iterator<Object> positions = index.getPositions(byId).iterator();
            return positions.hasNext() ? positions.next() : null;
        }

        /** The index that answers a query on exactly these fields (the unique one on {@code _id}); null if none. */
        private Index<Object> indexFor(Document query) {
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(query)) {
                    return index;
                }
            }
            return null;
        }
    }

    /**
     * Lets a commit under way finish (the write lock waits for it), then stores the rest and closes. Not
     * {@code shutdownNow()}: interrupting the committer during a write closes the store's {@code FileChannel}
     * ({@code ClosedByInterruptException}), and that commit and every write after it were lost on a clean close
     * (found by a failing test; {@code ProjectionStoreCloseTest}).
     */
    @Override
    public void close() {
        committer.shutdown(); // the periodic commit is not run again; one under way runs to its end
        lock.writeLock().lock();
        try {
            super.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
