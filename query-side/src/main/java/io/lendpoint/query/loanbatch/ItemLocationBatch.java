package io.lendpoint.query.loanbatch;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The barcodes of one batch as the {@code item-locations} projection knows them, in collection
 * {@code item_location_batches}, keyed by the batch id: so that moving a whole batch (received) reads its items by
 * key instead of looking for them by {@code (batchId, state)}, which the embedded store answers by scanning every
 * item of the city. Written by set operations ({@code $addToSet}, {@code $pullAll}), so redelivery changes nothing.
 */
@Document(ItemLocationBatch.COLLECTION)
class ItemLocationBatch {

    static final String COLLECTION = "item_location_batches";

    @Id
    String batchId;
    List<String> barcodes = new ArrayList<>();

    static void add(MongoTemplate mongo, String batchId, Collection<String> barcodes) {
        mongo.upsert(byId(batchId), new Update().addToSet("barcodes").each(barcodes.toArray()), ItemLocationBatch.class);
    }

    static void remove(MongoTemplate mongo, String batchId, Collection<String> barcodes) {
        mongo.updateFirst(byId(batchId), new Update().pullAll("barcodes", barcodes.toArray()), ItemLocationBatch.class);
    }

    /** The batch's barcodes, or empty if this projection has no list for it (built before lists were kept). */
    static Optional<List<String>> of(MongoTemplate mongo, String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, ItemLocationBatch.class)).map(batch -> batch.barcodes);
    }

    private static Query byId(String batchId) {
        return Query.query(Criteria.where("_id").is(batchId));
    }
}
