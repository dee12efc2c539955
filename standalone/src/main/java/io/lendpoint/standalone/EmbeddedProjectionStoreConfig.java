package io.lendpoint.standalone;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The embedded projection store: mongo-java-server with its H2 (MVStore) backend in
 * {@code <data-dir>/projections/mongo.mv}, listening on a real TCP port so analysts can point mongosh or any
 * MongoDB driver at it. The application reaches it through the ordinary MongoDB Java driver. Its commits are
 * consistent cuts between operations ({@link ConsistentH2Backend}, every {@code lendpoint.projections.commit-interval},
 * default half a second).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedProjectionStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedProjectionStoreConfig.class);

    /** Shut down by {@link #projectionStoreShutdown}, which may compact its file afterwards. */
    @Bean(destroyMethod = "")
    MongoServer embeddedMongoServer(DataDirectory directory,
                                    @Value("${lendpoint.mongo.host:127.0.0.1}") String host,
                                    @Value("${lendpoint.mongo.port:27018}") int port,
                                    @Value("${lendpoint.projections.commit-interval:PT0.5S}") Duration commitInterval,
                                    @Value("${lendpoint.projections.cache-mb:96}") int cacheMb) {
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("lendpoint.projections.commit-interval must be positive, was "
                    + commitInterval);
        }
        if (cacheMb < 1) { // H2 would take 0 or less as "no page cache": every look-up read from the file
            throw new IllegalArgumentException("lendpoint.projections.cache-mb must be at least 1, was " + cacheMb);
        }
        MongoServer server = new MongoServer(ConsistentH2Backend.open(
                directory.projections().resolve("mongo.mv").toString(), commitInterval, cacheMb));
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Projection store (MongoDB wire protocol) listening on mongodb://{}:{}", address.getHostString(),
                address.getPort());
        return server;
    }

    /**
     * Stops the server at the application's end; then, unless {@code lendpoint.projections.compact-on-shutdown} is
     * false, rewrites {@code mongo.mv} with only its live pages (H2's {@link MVStoreTool#compact}: a new file,
     * moved over the old one atomically). The MVStore appends every changed page and keeps the old ones: issue 8's
     * benchmark left a 3.3 GB file for 60 points after a replay, 0.33 GB once compacted (in 3.5 s).
     */
    @Bean
    DisposableBean projectionStoreShutdown(MongoServer server, DataDirectory directory,
                                           @Value("${lendpoint.projections.compact-on-shutdown:true}") boolean compact) {
        return () -> {
            server.shutdownNow();
            if (compact) {
                String file = directory.projections().resolve("mongo.mv").toString();
                long started = System.nanoTime();
                MVStoreTool.compact(file, false);
                log.info("Projection store compacted in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        };
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .build());
    }
}
