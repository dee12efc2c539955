package io.lendpoint.query.projections;

import io.lendpoint.api.error.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projections' streaming processors, for operators: their status against the head of the event stream, and a
 * rebuild from the start (reset: each projection drops its collection in its {@code @ResetHandler}, then replays;
 * handlers that must not run again — notices, policies — are {@code @DisallowReplay}). A replay's progress is
 * measured from where it started: events processed, events per second, seconds left to the head as it was.
 */
@Component
class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final TokenStore tokens;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, EventStore events, TokenStore tokens) {
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
    }

    private record Replay(Instant startedAt, long target) {
    }

    List<ProjectionStatus> all() {
        long head = head();
        return processing.eventProcessors().keySet().stream().sorted()
                .flatMap(name -> processing.eventProcessor(name, StreamingEventProcessor.class).stream()
                        .map(processor -> status(name, processor, head)))
                .toList();
    }

    ProjectionStatus status(String name) {
        return status(name, processor(name), head());
    }

    /** Resets the processor to the start of the stream and runs it again; answers its status just after. */
    ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw RuleViolation.conflict("projection.no-reset", "Projection " + name + " cannot be rebuilt", name);
        }
        long target = head();
        log.info("rebuilding projection {} from the start of the event stream (head at {})", name, target);
        processor.shutDown();
        if (hasProcessedAnything(name)) {
            processor.resetTokens();
        } // else its tokens are still at the start of the stream: starting it again replays everything anyway
        replays.put(name, new Replay(Instant.now(), target));
        processor.start();
        return status(name, processor, target);
    }

    private boolean hasProcessedAnything(String name) {
        return java.util.Arrays.stream(tokens.fetchSegments(name))
                .anyMatch(segment -> tokens.fetchToken(name, segment) != null);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                RuleViolation.notFound("projection.unknown", "There is no projection " + name, name));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = segments.isEmpty() ? null : segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition).mapToLong(p -> p.orElse(-1)).min().orElse(-1);
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        Replay replay = replays.get(name);
        Long processed = null;
        Double rate = null;
        Long eta = null;
        if (replay != null && position != null) {
            processed = Math.max(0, position + 1);
            double seconds = Math.max(0.001, Duration.between(replay.startedAt(), Instant.now()).toMillis() / 1000.0);
            rate = Math.round(processed / seconds * 10) / 10.0;
            eta = processor.isReplaying() && rate > 0 ? Math.round(Math.max(0, replay.target() - position) / rate)
                    : processor.isReplaying() ? null : 0L;
        }
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(), error, segments.size(),
                position, head, position == null ? null : Math.max(0, head - position),
                replay == null ? null : replay.startedAt(), replay == null ? null : replay.target(), processed, rate,
                eta);
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(-1);
    }
}
