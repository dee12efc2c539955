package io.lendpoint.command.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An aggregate's state at {@code at}: its version then, when that last event happened, and its fields. */
record AggregateState(String aggregateType, String aggregateId, Instant at, long version, Instant lastEventAt,
                      JsonNode state) {
}
