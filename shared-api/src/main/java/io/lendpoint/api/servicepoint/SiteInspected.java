package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** §4.2.1: the site was inspected; {@code passed} is true when all three conditions of §4.1.2 were met. */
@Revision("1")
public record SiteInspected(String servicePointId, int inspectionNumber, LocalDate inspectedOn, String inspector, ConditionFinding needAndPlan, ConditionFinding responsiblePerson, ConditionFinding storageAndSafekeeping, String notes, boolean passed) {
}
