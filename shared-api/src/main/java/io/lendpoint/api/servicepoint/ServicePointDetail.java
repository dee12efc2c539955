package io.lendpoint.api.servicepoint;

import io.lendpoint.api.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about one service point's setup. {@code version} is the sequence number of the last event
 * applied to this view;
 * {@code preparation} lists the §4.3 preparation items completed so far, in the order they were completed;
 * {@code overdueOnTermination} is set while the point's ended agreement is past its return deadline with books
 * still out (A.3), and cleared when the agreement is closed; the on-site reading counts are totals so far (§5.3.1).
 */
public record ServicePointDetail(String servicePointId, String campaignId, Institution institution,
                                 BorrowingPlan plan, ResponsibleContact contact, StorageSpace space,
                                 QualificationDocument qualification, ServicePointStatus status,
                                 List<InspectionRecord> inspections, List<StatusChange> history,
                                 Instant appliedAt, Instant updatedAt, long version,
                                 List<PreparationRecord> preparation, boolean overdueOnTermination,
                                 long onSiteReadingSessions, long onSiteReaders) implements Versioned {
}
