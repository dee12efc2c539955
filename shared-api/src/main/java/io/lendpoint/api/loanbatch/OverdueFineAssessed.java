package io.lendpoint.api.loanbatch;

import io.lendpoint.api.rules.FineAssessment;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A.2.4: items returned after the due date incur an overdue fine by the agreement's fine rule set, with the figures behind it. */
@Revision("1")
public record OverdueFineAssessed(String batchId, String servicePointId, List<String> barcodes, LocalDate returnedOn, FineAssessment assessment) {
}
