package io.lendpoint.standalone;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's H2 unique index (its {@code H2UniqueIndex}, whose constructor is not public), on the same map
 * opened with {@link SerializedKeyOrder} as its key type.
 */
final class SerializedKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;

    private SerializedKeyIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    static SerializedKeyIndex open(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(mapName,
                new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()));
        return new SerializedKeyIndex(map, name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
