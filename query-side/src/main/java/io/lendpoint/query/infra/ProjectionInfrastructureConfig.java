package io.lendpoint.query.infra;

import com.mongodb.client.MongoClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections and their tracking tokens live side by side in MongoDB (never Axon's in-memory fallback, which
 * would replay everything on every restart). Processors are pooled streaming processors with a deliberate
 * batch size and segment count; a failing event handler makes the processor retry (with back-off) instead of
 * silently skipping the event, so no projection quietly drifts from the event store.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionInfrastructureConfig {

    static final String TOKEN_COLLECTION = "axon_tracking_tokens";

    @Bean
    TokenStore tokenStore(MongoClient client, MongoProperties mongo, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, mongo.getMongoClientDatabase())
                        .trackingTokensCollectionName(TOKEN_COLLECTION)
                        .build())
                .serializer(serializer)
                .build();
    }

    @Bean
    ConfigurerModule projectionProcessing(@Value("${lendpoint.projections.batch-size:100}") int batchSize,
                                          @Value("${lendpoint.projections.segments:2}") int segments) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(segments))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}
