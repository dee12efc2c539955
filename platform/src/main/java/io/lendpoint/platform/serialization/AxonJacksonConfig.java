package io.lendpoint.platform.serialization;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Jackson for events, messages and snapshots from the first event on (Axon's default would be XStream).
 * Axon derives the {@code messageSerializer} and {@code eventSerializer} from this general one.
 */
@Configuration(proxyBeanMethods = false)
public class AxonJacksonConfig {

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(MessageJson.newObjectMapper())
                .revisionResolver(revisionResolver)
                .lenientDeserialization()
                .build();
    }
}
