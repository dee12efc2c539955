package io.lendpoint.api.loanbatch;

import io.lendpoint.api.rules.DamageSeverity;
import org.axonframework.serialization.Revision;

/** §5.4.2: an item was found damaged or lost. */
@Revision("1")
public record DamageRecorded(String batchId, String servicePointId, String barcode, InspectionOutcome outcome, DamageSeverity severity, String note) {
}
