package io.lendpoint.api.servicepoint;

import java.time.LocalDate;

/** §4.2.1: one site inspection as recorded. */
public record InspectionRecord(int number, LocalDate inspectedOn, String inspector, ConditionFinding needAndPlan,
                               ConditionFinding responsiblePerson, ConditionFinding storageAndSafekeeping,
                               String notes, boolean passed) {
}
