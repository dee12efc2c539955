package io.lendpoint.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB-wire server in memory (mongo-java-server) and a client of it, new for each test and stopped after it:
 * {@code @RegisterExtension final InMemoryMongo store = new InMemoryMongo();}, then {@code store.template("name")}
 * in the test's {@code @BeforeEach} (which runs after the server is up).
 */
public final class InMemoryMongo implements BeforeEachCallback, AfterEachCallback {

    private MongoServer server;
    private MongoClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    /** A template on the database of that name, on this test's server. */
    public MongoTemplate template(String database) {
        return new MongoTemplate(client, database);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }
}
