package io.lendpoint.api.evaluation;

import org.axonframework.serialization.Revision;

/** §7.2: the action was dropped. */
@Revision("1")
public record ImprovementDropped(String actionId, String servicePointId, String reason) {
}
