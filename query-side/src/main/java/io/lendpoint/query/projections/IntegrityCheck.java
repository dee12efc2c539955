package io.lendpoint.query.projections;

import io.lendpoint.platform.eventstream.StreamToHead;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the one-document-per-aggregate projections with the event store: reads the stream up to its head once,
 * noting each aggregate's type and the last sequence of an event its projection's processing group handles, then
 * checks each collection's documents ({@code _id}, {@code lastSequence}) against that.
 */
@Component
class IntegrityCheck {

    /** The projections checked: collection, the aggregate type it shows, the processing group that writes it. */
    static final List<String[]> CHECKED = List.of(
            new String[]{"service_points", "ServicePoint", "service-points"},
            new String[]{"recruitment_campaigns", "RecruitmentCampaign", "service-points"},
            new String[]{"agreements", "Agreement", "agreements"},
            new String[]{"collective_cards", "CollectiveCard", "cards"},
            new String[]{"loan_batches", "LoanBatch", "batches"},
            new String[]{"consultations", "Consultation", "operations"},
            new String[]{"feedback", "Feedback", "operations"},
            new String[]{"trainings", "TrainingSession", "operations"},
            new String[]{"activities", "CooperationActivity", "operations"},
            new String[]{"improvements", "ImprovementAction", "plans"});

    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final MongoTemplate mongo;

    IntegrityCheck(EventStore events, EventProcessingConfiguration processing, MongoTemplate mongo) {
        this.events = events;
        this.processing = processing;
        this.mongo = mongo;
    }

    IntegrityReport run() {
        long head = StreamToHead.head(events);
        Map<String, Optional<EventHandlerInvoker>> invokers = new HashMap<>();
        // aggregate type → aggregate id → last handled sequence (-1: has events, none handled)
        Map<String, Map<String, Long>> store = new HashMap<>();
        long[] read = {0};
        long at = StreamToHead.read(events, null, head, event -> {
            if (event.trackingToken().position().orElse(Long.MAX_VALUE) > head) {
                return false;
            }
            read[0]++;
            if (!(event instanceof DomainEventMessage<?> domain)) {
                return true;
            }
            for (String[] checked : CHECKED) {
                if (!checked[1].equals(domain.getType())) {
                    continue;
                }
                Map<String, Long> versions = store.computeIfAbsent(checked[1], type -> new HashMap<>());
                long known = versions.getOrDefault(domain.getAggregateIdentifier(), -1L);
                boolean handled = invokers.computeIfAbsent(checked[2], this::invoker)
                        .map(invoker -> invoker.canHandleType(domain.getPayloadType())).orElse(false);
                versions.put(domain.getAggregateIdentifier(),
                        handled ? Math.max(known, domain.getSequenceNumber()) : known);
            }
            return true;
        });
        if (at < head) {
            throw new IllegalStateException("the event stream ended at " + at + ", before the head " + head
                    + " seen at the start; the integrity check is not complete");
        }
        List<IntegrityReport.CollectionCheck> checks = new ArrayList<>();
        boolean drift = false;
        for (String[] checked : CHECKED) {
            Map<String, Long> versions = store.getOrDefault(checked[1], Map.of());
            Map<String, Long> documents = new HashMap<>();
            Query all = new Query().cursorBatchSize(10_000); // an unbatched reply above 48 MB is refused
            all.fields().include("_id", "lastSequence");
            mongo.find(all, Document.class, checked[0]).forEach(document -> documents.put(
                    String.valueOf(document.get("_id")), ((Number) document.getOrDefault("lastSequence", -1L))
                            .longValue()));
            List<String> missing = versions.keySet().stream().filter(id -> !documents.containsKey(id)).sorted().toList();
            List<String> extra = documents.keySet().stream().filter(id -> !versions.containsKey(id)).sorted().toList();
            List<IntegrityReport.Behind> behind = versions.entrySet().stream()
                    .filter(entry -> documents.containsKey(entry.getKey())
                            && documents.get(entry.getKey()) < entry.getValue())
                    .map(entry -> new IntegrityReport.Behind(entry.getKey(), documents.get(entry.getKey()),
                            entry.getValue()))
                    .sorted(java.util.Comparator.comparing(IntegrityReport.Behind::id)).toList();
            drift |= !missing.isEmpty() || !extra.isEmpty() || !behind.isEmpty();
            checks.add(new IntegrityReport.CollectionCheck(checked[0], checked[1], checked[2], versions.size(),
                    documents.size(), missing.size(), sample(missing), extra.size(), sample(extra), behind.size(),
                    sample(behind)));
        }
        return new IntegrityReport(Instant.now(), head, read[0], drift, checks);
    }

    private Optional<EventHandlerInvoker> invoker(String processingGroup) {
        return processing.eventProcessor(processingGroup).filter(AbstractEventProcessor.class::isInstance)
                .map(processor -> ((AbstractEventProcessor) processor).eventHandlerInvoker());
    }

    private static <T> List<T> sample(List<T> all) {
        return all.size() <= IntegrityReport.SAMPLE ? all : all.subList(0, IntegrityReport.SAMPLE);
    }
}
