package io.lendpoint.query.audit;

import io.lendpoint.api.audit.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which events of the stream an audit search or export takes: by user, by type, by point (the event of the point's
 * own aggregate, or one whose payload names the point in {@code servicePointId}); a criterion left null takes all.
 * Tested on the event as read, before it is shown: the type and the user without the payload, the payload's point
 * read from the payload object (messages are records), not from its JSON view. An event that does not match is
 * therefore never turned into JSON and masked, which was most of a search's time (a point's events searched across
 * the 2,000-point city: 33 s).
 */
record AuditFilter(String user, String servicePointId, String type) {

    private static final Map<Class<?>, Optional<Method>> POINT_ACCESSORS = new ConcurrentHashMap<>();

    boolean matches(EventMessage<?> event) {
        if (type != null && !type.equals(event.getPayloadType().getSimpleName())) {
            return false;
        }
        if (user != null) {
            Object who = event.getMetaData().get(AuditMetadata.USER);
            if (who == null || !user.equals(who.toString())) {
                return false;
            }
        }
        if (servicePointId == null
                || event instanceof DomainEventMessage<?> domain && servicePointId.equals(domain.getAggregateIdentifier())) {
            return true;
        }
        return pointOf(event.getPayload()).map(servicePointId::equals).orElse(false);
    }

    /** The payload's {@code servicePointId} component, if it has one with a value. */
    private static Optional<String> pointOf(Object payload) {
        if (payload == null) {
            return Optional.empty();
        }
        return POINT_ACCESSORS.computeIfAbsent(payload.getClass(), AuditFilter::pointAccessor).map(accessor -> {
            try {
                return Objects.toString(accessor.invoke(payload), null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read servicePointId of " + payload.getClass(), e);
            }
        });
    }

    private static Optional<Method> pointAccessor(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("servicePointId")) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                return Optional.of(accessor);
            }
        }
        return Optional.empty();
    }
}
