package io.lendpoint.query.servicepoint;

import io.lendpoint.api.agreement.AgreementClosed;
import io.lendpoint.api.agreement.ReturnPeriodOverdue;
import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.api.servicepoint.InspectionRecord;
import io.lendpoint.api.servicepoint.PreparationItemCompleted;
import io.lendpoint.api.servicepoint.PreparationRecord;
import io.lendpoint.api.servicepoint.ServicePointActivated;
import io.lendpoint.api.servicepoint.OnSiteReadingRecorded;
import io.lendpoint.api.servicepoint.ServiceChanged;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointApproved;
import io.lendpoint.api.servicepoint.ContactDataErased;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.api.servicepoint.SiteInspected;
import io.lendpoint.api.servicepoint.StatusChange;
import io.lendpoint.query.IdempotentUpdates;
import io.lendpoint.query.ReadModelVersions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Projects service-point events into {@code service_points}: one document per point, every update by exactly
 * {@code _id}, each event applied at most once (see {@link ServicePointDocument#lastSequence}).
 */
@Component
@ProcessingGroup(ServicePointProjection.PROCESSING_GROUP)
class ServicePointProjection {

    static final String PROCESSING_GROUP = "service-points";

    private final MongoTemplate mongo;
    private final ReadModelVersions versions;

    ServicePointProjection(MongoTemplate mongo, ReadModelVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    @EventHandler
    void on(ServicePointApplied event, DomainEventMessage<ServicePointApplied> message) {
        IdempotentUpdates.create(mongo, ServicePointDocument.class, event.servicePointId(), message, () -> {
            ServicePointDocument point = new ServicePointDocument();
            point.id = event.servicePointId();
            point.campaignId = event.campaignId();
            point.describe(event.institution());
            point.plan = event.plan();
            point.contact = event.contact();
            point.space = event.space();
            point.qualification = event.qualification();
            point.appliedAt = message.getTimestamp();
            record(point, message, ServicePointStatus.APPLIED, null);
            return point;
        });
        countsChanged();
    }

    @EventHandler
    void on(SiteInspected event, DomainEventMessage<SiteInspected> message) {
        update(event.servicePointId(), message, point -> {
            point.inspections.add(new InspectionRecord(event.inspectionNumber(), event.inspectedOn(), event.inspector(),
                    event.needAndPlan(), event.responsiblePerson(), event.storageAndSafekeeping(), event.notes(),
                    event.passed()));
            record(point, message, event.passed() ? ServicePointStatus.INSPECTION_PASSED
                    : ServicePointStatus.INSPECTION_FAILED, event.notes());
        });
        countsChanged();
    }

    @EventHandler
    void on(ServicePointApproved event, DomainEventMessage<ServicePointApproved> message) {
        update(event.servicePointId(), message, point -> record(point, message, ServicePointStatus.APPROVED, event.notes()));
        countsChanged();
    }

    @EventHandler
    void on(ServicePointRejected event, DomainEventMessage<ServicePointRejected> message) {
        update(event.servicePointId(), message, point -> record(point, message, ServicePointStatus.REJECTED, event.reason()));
        countsChanged();
    }

    @EventHandler
    void on(ServicePointContactChanged event, DomainEventMessage<ServicePointContactChanged> message) {
        update(event.servicePointId(), message, point -> {
            point.contact = event.contact();
            record(point, message, point.status, event.reason());
        });
    }

    /** A.6: a former contact's phone was erased; the history records it (only the current contact is kept here). */
    @EventHandler
    void on(ContactDataErased event, DomainEventMessage<ContactDataErased> message) {
        update(event.servicePointId(), message, point -> record(point, message, point.status,
                "A.6 " + event.subjectId() + ": " + event.reason()));
    }

    @EventHandler
    void on(PreparationItemCompleted event, DomainEventMessage<PreparationItemCompleted> message) {
        update(event.servicePointId(), message, point -> {
            point.preparation.removeIf(done -> done.item() == event.item());
            point.preparation.add(new PreparationRecord(event.item(), event.completedOn(), event.note(),
                    metaData(message, AuditMetadata.USER)));
            String note = event.item() + " " + event.completedOn() + (event.note() == null ? "" : ": " + event.note());
            record(point, message, point.status, note);
        });
    }

    @EventHandler
    void on(ServicePointActivated event, DomainEventMessage<ServicePointActivated> message) {
        update(event.servicePointId(), message, point -> record(point, message, ServicePointStatus.ACTIVE,
                "activated on " + event.activatedOn() + " (" + event.agreementId() + ", " + event.cardId() + ")"));
        countsChanged();
    }

    /**
     * A.3: flag the point while its ended agreement is overdue. These events belong to the agreement (its own
     * sequence numbers), so they do not go through {@code lastSequence}; setting a flag is idempotent by itself.
     */
    @EventHandler
    void on(ReturnPeriodOverdue event) {
        setOverdueOnTermination(event.servicePointId(), true);
    }

    @EventHandler
    void on(AgreementClosed event) {
        setOverdueOnTermination(event.servicePointId(), false);
    }

    private void setOverdueOnTermination(String servicePointId, boolean overdue) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(servicePointId)),
                Update.update("overdueOnTermination", overdue), ServicePointDocument.class);
    }

    /** §5.3.2: a change of service hours or content shows in the point's history. */
    @EventHandler
    void on(ServiceChanged event, DomainEventMessage<ServiceChanged> message) {
        update(event.servicePointId(), message, point -> record(point, message, point.status,
                event.kind() + " from " + event.effectiveFrom() + ": " + event.description()));
    }

    /** §5.3.1: on-site reading is counted (raw counts for §7.1 metrics). */
    @EventHandler
    void on(OnSiteReadingRecorded event, DomainEventMessage<OnSiteReadingRecorded> message) {
        update(event.servicePointId(), message, point -> {
            point.onSiteReadingSessions += event.sessions();
            point.onSiteReaders += event.readers();
        });
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(ServicePointDocument.class);
        countsChanged();
    }

    /**
     * After every event that sets a point's status, kind or district, applied now or already: the dashboard's counts
     * cached from the points before are no longer to be served ({@link ReadModelVersions}).
     */
    private void countsChanged() {
        versions.changed(ServicePointQueries.DASHBOARD);
    }

    private void update(String servicePointId, DomainEventMessage<?> message, Consumer<ServicePointDocument> change) {
        IdempotentUpdates.apply(mongo, ServicePointDocument.class, servicePointId, message, point -> {
            change.accept(point);
            // the whole document is written back: a point read before ServicePointOrderKeys keyed it (or keyed
            // under another collation) keeps its keys this way instead of losing them
            point.keepOrderKeys();
        });
    }

    private static void record(ServicePointDocument point, DomainEventMessage<?> message, ServicePointStatus status,
                               String note) {
        point.status = status;
        point.lastSequence = message.getSequenceNumber();
        point.updatedAt = message.getTimestamp();
        point.history.add(new StatusChange(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                status, message.getTimestamp(), metaData(message, AuditMetadata.USER),
                metaData(message, AuditMetadata.ROLE), note));
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
