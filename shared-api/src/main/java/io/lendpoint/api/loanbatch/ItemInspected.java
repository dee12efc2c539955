package io.lendpoint.api.loanbatch;

import io.lendpoint.api.rules.DamageSeverity;
import org.axonframework.serialization.Revision;

/** §5.4.2: one item was inspected. */
@Revision("1")
public record ItemInspected(String batchId, String servicePointId, String barcode, InspectionOutcome outcome, DamageSeverity severity, String note) {
}
