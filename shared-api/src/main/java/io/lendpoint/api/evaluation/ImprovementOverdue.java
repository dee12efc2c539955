package io.lendpoint.api.evaluation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §7.2: the due date passed with the action still open. */
@Revision("1")
public record ImprovementOverdue(String actionId, String servicePointId, LocalDate dueOn) {
}
