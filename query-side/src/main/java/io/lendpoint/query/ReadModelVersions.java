package io.lendpoint.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The version of a read model that answers are cached from: a random token in {@value #COLLECTION}, one small
 * document per read model, that its projection replaces after every write an answer depends on (and at a reset).
 * A cache keeps an answer with the version it read <em>before</em> computing it and serves it while the version is
 * the same, so it costs one read by {@code _id}, is never older than the last change the projection finished, and
 * holds across query-side instances (the version is in the shared store).
 * <p>
 * The projection changes the version after its write, also when it skips an event applied already: a crash between
 * the write and the new version is then mended by the redelivery. The version is never counted up: after a reset or
 * with the collection dropped it could come back to a value a cache holds.
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
        versions().updateOne(new Document("_id", readModel),
                new Document("$set", new Document("version", UUID.randomUUID().toString())),
                new UpdateOptions().upsert(true));
    }

    /** The version of {@code readModel}; empty while it has none (nothing may be cached then). */
    public Optional<String> current(String readModel) {
        Document found = versions().find(new Document("_id", readModel)).first();
        return found == null ? Optional.empty() : Optional.ofNullable(found.getString("version"));
    }

    private MongoCollection<Document> versions() {
        return mongo.getCollection(COLLECTION);
    }
}
