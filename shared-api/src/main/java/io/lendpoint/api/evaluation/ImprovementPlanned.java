package io.lendpoint.api.evaluation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §7.2: an improvement action was planned on a finding of the evaluation of {@code periodFrom}–{@code periodTo}. */
@Revision("1")
public record ImprovementPlanned(String actionId, String servicePointId, LocalDate periodFrom, LocalDate periodTo,
                                 String metricCode, String finding, String action, String owner, LocalDate dueOn) {
}
