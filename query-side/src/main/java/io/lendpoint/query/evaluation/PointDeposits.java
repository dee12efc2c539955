package io.lendpoint.query.evaluation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.List;

/**
 * §7.1: which batches have been shipped to a point, in collection {@code deposit_points}, keyed by the point: how
 * a point's {@link DepositBatch}es are found by key. Adding a batch twice changes nothing.
 */
@Document(PointDeposits.COLLECTION)
class PointDeposits {

    static final String COLLECTION = "deposit_points";

    @Id
    String id;
    List<String> batches = new ArrayList<>();

    static void add(MongoTemplate mongo, String servicePointId, String batchId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(servicePointId)), new Update().addToSet("batches", batchId),
                PointDeposits.class);
    }

    /** Every item ever shipped to the point, without loan days. */
    static List<DepositItem> itemsAt(MongoTemplate mongo, String servicePointId) {
        PointDeposits deposits = mongo.findById(servicePointId, PointDeposits.class);
        return deposits == null ? new ArrayList<>() : DepositBatch.itemsOf(mongo, deposits.batches);
    }
}
