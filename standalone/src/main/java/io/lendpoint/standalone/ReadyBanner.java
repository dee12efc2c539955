package io.lendpoint.standalone;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;

/** Tells a newcomer, once everything is up, where to find the API, its documentation, the data and the projections. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final DataDirectory dataDirectory;
    private final MongoServer mongoServer;
    private final String database;

    ReadyBanner(DataDirectory dataDirectory, MongoServer mongoServer,
                @Value("${spring.data.mongodb.database}") String database) {
        this.dataDirectory = dataDirectory;
        this.mongoServer = mongoServer;
        this.database = database;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return; // no HTTP server (e.g. a test context): nothing to point at
        }
        int port = web.getWebServer().getPort();
        InetSocketAddress mongo = mongoServer.getLocalAddress();
        log.info("""
                
                  Lendpoint standalone is ready
                    API          http://localhost:{}/api/…   (HTTP Basic; demo users in README.md)
                    Swagger UI   http://localhost:{}/swagger-ui.html
                    health       http://localhost:{}/actuator/health
                    projections  mongodb://{}:{}/{}   (mongosh or any MongoDB driver)
                    data         {}""",
                port, port, port, mongo.getHostString(), mongo.getPort(), database, dataDirectory.root());
    }
}
