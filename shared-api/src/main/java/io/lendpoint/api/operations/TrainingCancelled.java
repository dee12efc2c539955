package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

/** §6.1: the planned training was called off. */
@Revision("1")
public record TrainingCancelled(String trainingId, String reason) {
}
