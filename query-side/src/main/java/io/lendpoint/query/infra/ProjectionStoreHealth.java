package io.lendpoint.query.infra;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the projection store by {@code ping}. Replaces Spring Boot's Mongo indicator, which asks
 * {@code hello} — a command the embedded server does not know (shared/notes/standalone-stack.md).
 */
@Component("projectionStore")
class ProjectionStoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    ProjectionStoreHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
    }
}
