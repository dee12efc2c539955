package io.lendpoint.api.loanbatch;

import io.lendpoint.api.rules.CompensationAssessment;
import org.axonframework.serialization.Revision;

/** §5.4.2, A.2.5: compensation for a damaged or lost item, by the agreement's rule set, with the figures behind it. */
@Revision("1")
public record CompensationAssessed(String batchId, String servicePointId, String barcode, CompensationAssessment assessment) {
}
