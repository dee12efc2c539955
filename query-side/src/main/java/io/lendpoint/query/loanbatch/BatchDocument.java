package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.BatchStatus;
import io.lendpoint.api.loanbatch.BatchView;
import io.lendpoint.api.loanbatch.Box;
import io.lendpoint.api.loanbatch.CompensationView;
import io.lendpoint.api.loanbatch.DiscrepancyView;
import io.lendpoint.api.loanbatch.InspectionOutcome;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.query.KeptForTheBatch;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One loan batch in collection {@code loan_batches}, keyed by its id; idempotent by {@code lastSequence}. */
@Document(BatchDocument.COLLECTION)
class BatchDocument implements KeptForTheBatch {

    static final String COLLECTION = "loan_batches";

    @Id
    String id;
    long lastSequence;
    @Indexed
    String servicePointId;
    @Indexed
    BatchStatus status;
    List<CategoryQuantity> wanted;
    int wantedTotal;
    List<CategoryQuantity> accepted;
    int acceptedTotal;
    LocalDate wantedDeliveryDate;
    String deliveryPlace;
    int loanPeriodMonths;
    String note;
    String decisionNote;
    Instant requestedAt;
    Instant decidedAt;
    /**
     * §5.2: how many items are on the batch's list. The list itself (up to 2000 items) is in {@link BatchItemList},
     * so that the events of single items (inspections above all) rewrite a small document, not the whole list.
     */
    int itemCount;
    List<Box> boxes = List.of();
    String carrier;
    String vehicle;
    LocalDate shippedOn;
    LocalDate receivedOn;
    List<DiscrepancyView> discrepancies = new ArrayList<>();
    /** §5.3.2: how many items came back to the library (the barcodes are in the events and in item locations). */
    int returnedCount;
    Map<InspectionOutcome, Integer> inspected = new EnumMap<>(InspectionOutcome.class);
    List<CompensationView> compensations = new ArrayList<>();
    LocalDate closedOn;
    @Indexed
    LocalDate dueOn;
    int renewals;
    boolean overdue;
    BigDecimal finesAssessed = BigDecimal.ZERO;
    /** A.1.2, §5.4: items shipped and neither back nor inspected as lost, kept by {@link #markApplied}. */
    int itemsOut;

    BatchView toView() {
        return new BatchView(id, servicePointId, status, wanted, wantedTotal, accepted, acceptedTotal,
                wantedDeliveryDate, deliveryPlace, loanPeriodMonths, note, decisionNote, requestedAt, decidedAt,
                itemCount, boxes, carrier, vehicle, shippedOn, receivedOn, List.copyOf(discrepancies),
                returnedCount, Map.copyOf(inspected), List.copyOf(compensations), closedOn, dueOn, renewals, overdue,
                finesAssessed, lastSequence);
    }

    @Override
    public long lastAppliedSequence() {
        return lastSequence;
    }

    @Override
    public void markApplied(long sequence) {
        lastSequence = sequence;
        itemsOut = switch (status) {
            case SHIPPED, RECEIVED, RETURNING, RETURNED ->
                    itemCount - returnedCount - inspected.getOrDefault(InspectionOutcome.LOST, 0);
            default -> 0;
        };
    }
}
