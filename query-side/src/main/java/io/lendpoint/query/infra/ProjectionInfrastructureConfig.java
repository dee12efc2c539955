package io.lendpoint.query.infra;

import com.mongodb.client.MongoClient;
import io.lendpoint.query.BatchWritesInterceptor;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections and their tracking tokens live side by side in MongoDB (never Axon's in-memory fallback, which
 * would replay everything on every restart). Processors are pooled streaming processors with a deliberate
 * batch size and segment count. An event a projection fails on is never skipped: it is parked in the group's
 * persisted dead-letter queue ({@link DeadLetterConfig}) and retried, while the processor goes on with the rest;
 * the propagating error handler is the fallback for a group without a queue (the processor retries with back-off).
 * Each group's writes through {@link io.lendpoint.query.BatchWrites} go to the store once per batch.
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

    /** One interceptor for every projection processor of this side: it collects a batch's writes and sends them. */
    @Bean
    ConfigurerModule batchWrites(ListableBeanFactory beans) {
        BatchWritesInterceptor interceptor = new BatchWritesInterceptor();
        return configurer -> DeadLetterConfig.processingGroups(beans).forEach(group -> configurer.eventProcessing()
                .registerHandlerInterceptor(group, config -> interceptor));
    }
}
