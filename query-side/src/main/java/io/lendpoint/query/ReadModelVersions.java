package io.lendpoint.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The version of a read model that answers are cached from: a random token in {@value #COLLECTION}, one small
 * document per read model, that its projection replaces after every write an answer depends on (and at a reset).
 * A cache keeps an answer with the version it read <em>before</em> computing it and serves it while the version is
 * the same, so it costs one read by {@code _id}, is never older than the last change the projection finished, and
 * holds across query-side instances (the version is in the shared store).
 * <p>
 * The projection changes the version after its write, also when it skips an event applied already: a crash between
 * the write and the new version is then mended by the redelivery. Versions are random, never counted up: after a
 * reset or with the collection dropped a counter could come back to a value a cache holds.
 */
@Component
public class ReadModelVersions {

    static final String COLLECTION = "read_model_versions";

    private final MongoTemplate mongo;

    public ReadModelVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** After a change of {@code readModel} that cached answers depend on: a new version. */
    public void changed(String readModel) {
        upsertVersion(readModel, "$set");
    }

    /**
     * The version of {@code readModel}; a first one if it has none yet (a store its projection wrote before versions
     * were kept, or the collection dropped): written only if absent, so a projection's newer version is never
     * overwritten, and read back after, so what is cached with it is counted after it existed.
     */
    public String current(String readModel) {
        Document found = versions().find(new Document("_id", readModel)).first();
        if (found == null) {
            try {
                upsertVersion(readModel, "$setOnInsert");
            } catch (MongoWriteException raced) {
                if (raced.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw raced;
                } // another caller wrote the first version at the same moment: read that one
            }
            found = versions().find(new Document("_id", readModel)).first();
        }
        return found.getString("version");
    }

    /** A new random version by {@code operator}: {@code $set} replaces one, {@code $setOnInsert} only fills a gap. */
    private void upsertVersion(String readModel, String operator) {
        versions().updateOne(new Document("_id", readModel),
                new Document(operator, new Document("version", UUID.randomUUID().toString())),
                new UpdateOptions().upsert(true));
    }

    private MongoCollection<Document> versions() {
        return mongo.getCollection(COLLECTION);
    }
}
