package io.lendpoint.platform.standing;

import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How a standing query (answered on the command side for another feature's rule) loads the aggregate it reads.
 * <ul>
 * <li>Standalone: through the aggregate's own repository and its cache. One instance owns every aggregate, so a
 * cached copy is the newest.</li>
 * <li>Distributed ({@code lendpoint.standings.uncached=true}, command-side.yml): from the event store, its snapshot
 * and the events after it, never from a cache. Commands are routed to the instance that owns their aggregate, but a
 * query may be answered by any instance, and one that owned the aggregate before may still cache an old copy: the
 * asking rule would decide on an old standing (docs/architecture.md).</li>
 * </ul>
 */
@Component
public class StandingLoads {

    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<ParameterResolverFactory> parameterResolverFactory;
    private final ObjectProvider<HandlerDefinition> handlerDefinition;
    private final boolean uncached;
    private final Map<Class<?>, Repository<?>> fromTheStore = new ConcurrentHashMap<>();

    /** The event store and handler settings are looked up on the first uncached load (the query side has none). */
    StandingLoads(ObjectProvider<EventStore> eventStore, ObjectProvider<ParameterResolverFactory> parameterResolverFactory,
                  ObjectProvider<HandlerDefinition> handlerDefinition,
                  @Value("${lendpoint.standings.uncached:false}") boolean uncached) {
        this.eventStore = eventStore;
        this.parameterResolverFactory = parameterResolverFactory;
        this.handlerDefinition = handlerDefinition;
        this.uncached = uncached;
    }

    /**
     * The standing of aggregate {@code id} of {@code type}, read by {@code standing} from the aggregate loaded through
     * {@code repository} (its cache included) or, when uncached, from the event store alone.
     *
     * @throws org.axonframework.modelling.command.AggregateNotFoundException when there is no such aggregate
     */
    public <T, R> R read(Repository<T> repository, Class<T> type, String id, Function<T, R> standing) {
        return (uncached ? fromTheStore(type) : repository).load(id).invoke(standing);
    }

    @SuppressWarnings("unchecked")
    private <T> Repository<T> fromTheStore(Class<T> type) {
        return (Repository<T>) fromTheStore.computeIfAbsent(type, aggregate -> EventSourcingRepository
                .builder(type)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                        parameterResolverFactory.getObject(), handlerDefinition.getObject()))
                .eventStore(eventStore.getObject())
                // a read: no lock, which nested in a command's unit of work would be held until that command ends
                .lockFactory(NullLockFactory.INSTANCE)
                .build());
    }
}
