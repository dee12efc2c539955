package io.lendpoint.command.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.platform.audit.PersonalDataMask;
import io.lendpoint.platform.serialization.MessageJson;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issue 7: an aggregate's state as it was at an instant, rebuilt from its events up to then (never from a
 * projection, never from a snapshot): a fresh instance of the aggregate class replays them through its own
 * event-sourcing handlers, and its fields are shown as JSON (personal data masked unless unmasked is asked for).
 */
@Component
class PointInTime {

    private final EventStore events;
    private final Configuration axon;
    private final ObjectMapper json = MessageJson.newObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    PointInTime(EventStore events, Configuration axon) {
        this.events = events;
        this.axon = axon;
    }

    /** The state at {@code at}, with the version (last sequence applied); empty if the aggregate had no events yet. */
    Optional<AggregateState> stateOf(String aggregateId, Instant at, boolean unmasked) {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        events.readEvents(aggregateId).asStream().filter(event -> !event.getTimestamp().isAfter(at))
                .forEach(history::add);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = history.get(0);
        Class<?> type = aggregateClass(first.getType());
        Object root = rebuild(type, aggregateId, history);
        JsonNode state = json.valueToTree(root);
        DomainEventMessage<?> last = history.get(history.size() - 1);
        return Optional.of(new AggregateState(first.getType(), aggregateId, at, last.getSequenceNumber(),
                last.getTimestamp(), unmasked ? PersonalDataMask.withholdLegacy(state) : PersonalDataMask.mask(state)));
    }

    @SuppressWarnings("unchecked")
    private <T> T rebuild(Class<T> type, String aggregateId, List<DomainEventMessage<?>> history) {
        try {
            // with the application's parameter resolvers, for the model and the factory alike: the aggregate's command
            // handlers take Spring beans (the vault), which an inspection must resolve even though only the
            // event-sourcing handlers run here (without them it failed in the packaged application only: axon-test,
            // on the test classpath, resolves any parameter)
            AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                    axon.parameterResolverFactory(), axon.handlerDefinition(type));
            T root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, history.get(0));
            EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, null,
                    NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(history.stream()));
            return aggregate.getAggregateRoot();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " " + aggregateId, e);
        }
    }

    private Class<?> aggregateClass(String aggregateType) {
        return axon.findModules(AggregateConfiguration.class).stream()
                .map(AggregateConfiguration::aggregateType)
                .filter(type -> type.getSimpleName().equals(aggregateType))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no aggregate class for type " + aggregateType));
    }
}
