package io.lendpoint.query.servicepoint;

import io.lendpoint.api.servicepoint.BorrowingPlan;
import io.lendpoint.api.servicepoint.InspectionRecord;
import io.lendpoint.api.servicepoint.Institution;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.PreparationRecord;
import io.lendpoint.api.servicepoint.QualificationDocument;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.api.servicepoint.RecordedContact;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.api.servicepoint.ServicePointDetail;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.api.servicepoint.ServicePointSummary;
import io.lendpoint.api.servicepoint.StatusChange;
import io.lendpoint.api.servicepoint.StorageSpace;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One service point in collection {@code service_points}, keyed by its id. {@code lastSequence} is the
 * sequence number of the last event applied: a redelivered or replayed event at or below it is skipped, which
 * makes the projection idempotent. name/kind/district/status are copied to the top level for filtering.
 */
@Document(ServicePointDocument.COLLECTION)
class ServicePointDocument implements SequencedDocument {

    static final String COLLECTION = "service_points";

    @Id
    String id;
    long lastSequence;
    String campaignId;
    String name;
    @Indexed
    InstitutionKind kind;
    @Indexed
    String district;
    @Indexed
    ServicePointStatus status;
    /** Lower-case name, credit code, district and street, for free-text search. */
    String searchText;
    /** The name's and the district's {@link PinyinOrder} keys, what the list sorts by, and their collation. */
    @Indexed
    String nameOrder;
    String districtOrder;
    String orderVersion;
    Institution institution;
    BorrowingPlan plan;
    /** A.6: the phone as the events carry it, protected; revealed only when a detail is read. */
    RecordedContact contact;
    StorageSpace space;
    QualificationDocument qualification;
    List<InspectionRecord> inspections = new ArrayList<>();
    List<StatusChange> history = new ArrayList<>();
    /** §4.3 checklist: one record per completed preparation item (a repeated item replaces its record). */
    List<PreparationRecord> preparation = new ArrayList<>();
    Instant appliedAt;
    Instant updatedAt;
    /** §5.3.1: on-site reading so far (raw counts for the §7.1 metrics). */
    long onSiteReadingSessions;
    long onSiteReaders;
    /** A.3: the ended agreement is past its return deadline with books out (set and cleared by agreement events). */
    boolean overdueOnTermination;

    void describe(Institution institution) {
        this.institution = institution;
        this.name = institution.name();
        this.kind = institution.kind();
        this.district = institution.address().district();
        this.searchText = String.join(" ", institution.name(), institution.unifiedSocialCreditCode(),
                institution.address().district(), institution.address().street()).toLowerCase(Locale.ROOT);
        keepOrderKeys();
    }

    /** Makes the {@link PinyinOrder} keys of the name and district, unless they are of the current collation. */
    void keepOrderKeys() {
        if (!PinyinOrder.VERSION.equals(orderVersion)) {
            nameOrder = PinyinOrder.key(name);
            districtOrder = PinyinOrder.key(district);
            orderVersion = PinyinOrder.VERSION;
        }
    }

    ServicePointSummary toSummary() {
        return new ServicePointSummary(id, name, kind, district, status, contact == null ? null : contact.name(),
                appliedAt, updatedAt, overdueOnTermination);
    }

    /** The detail, the contact's phone revealed by {@code reveal} (its plaintext, or that it was erased). */
    ServicePointDetail toDetail(Function<ProtectedValue, String> reveal) {
        ResponsibleContact shown = contact == null ? null
                : new ResponsibleContact(contact.name(), reveal.apply(contact.phone()));
        return new ServicePointDetail(id, campaignId, institution, plan, shown, space, qualification, status,
                List.copyOf(inspections), List.copyOf(history), appliedAt, updatedAt, lastSequence,
                List.copyOf(preparation), overdueOnTermination, onSiteReadingSessions, onSiteReaders);
    }

    @Override
    public long lastAppliedSequence() {
        return lastSequence;
    }

    @Override
    public void markApplied(long sequence) {
        lastSequence = sequence;
    }
}
