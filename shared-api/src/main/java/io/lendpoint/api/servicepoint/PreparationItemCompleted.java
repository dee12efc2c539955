package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §4.3: one preparation item was completed. */
@Revision("1")
public record PreparationItemCompleted(String servicePointId, PreparationItem item, LocalDate completedOn, String note) {
}
