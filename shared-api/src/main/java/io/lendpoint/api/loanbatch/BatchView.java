package io.lendpoint.api.loanbatch;

import io.lendpoint.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A loan batch as staff and the point see it (its items: {@link BatchItemsQuery}); {@code version} is the last
 * event's sequence number applied.
 */
public record BatchView(String batchId, String servicePointId, BatchStatus status, List<CategoryQuantity> wanted,
                        int wantedTotal, List<CategoryQuantity> accepted, int acceptedTotal,
                        LocalDate wantedDeliveryDate, String deliveryPlace, int loanPeriodMonths, String note,
                        String decisionNote, Instant requestedAt, Instant decidedAt, int pickedTotal,
                        List<Box> boxes, String carrier, String vehicle, LocalDate shippedOn, LocalDate receivedOn,
                        List<DiscrepancyView> discrepancies, int returnedTotal, Map<InspectionOutcome, Integer> inspected,
                        List<CompensationView> compensations, LocalDate closedOn, LocalDate dueOn, int renewals,
                        boolean overdue, BigDecimal finesAssessed, long version) implements Versioned {
}
