package io.lendpoint.query.projections;

import java.time.Instant;

/**
 * One projection's processor as an operator sees it: running or not, replaying or not, the lowest position its
 * segments have reached against the head of the stream, and — for a replay started here — the events processed
 * since, the rate and the estimated time left.
 */
record ProjectionStatus(String name, boolean running, boolean replaying, boolean error, int segments, Long position,
                        Long headPosition, Long behind, Instant replayStartedAt, Long replayTarget,
                        Long processedSinceReplay, Double eventsPerSecond, Long etaSeconds) {
}
