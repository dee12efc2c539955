package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

/** §6.4: the activity was called off. */
@Revision("1")
public record ActivityCancelled(String activityId, String servicePointId, String reason) {
}
