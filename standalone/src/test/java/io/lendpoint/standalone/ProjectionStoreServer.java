package io.lendpoint.standalone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

import java.time.Duration;
import java.util.function.Consumer;

/** The tests' way to a projection store file: served on a free port, {@code work} done on database "test", stopped. */
final class ProjectionStoreServer {

    private ProjectionStoreServer() {
    }

    /** The file as the application opens it ({@link ConsistentH2Backend}, commits every 100 ms). */
    static void with(String file, Consumer<MongoDatabase> work) {
        serve(ConsistentH2Backend.open(file, Duration.ofMillis(100)), work);
    }

    static void serve(MongoBackend backend, Consumer<MongoDatabase> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            work.accept(client.getDatabase("test"));
        } finally {
            server.shutdownNow();
        }
    }
}
