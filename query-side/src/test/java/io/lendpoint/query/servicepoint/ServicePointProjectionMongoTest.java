package io.lendpoint.query.servicepoint;

import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.RecordedContact;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.platform.personaldata.FakeVault;
import io.lendpoint.api.servicepoint.SampleApplications;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.api.servicepoint.ServicePointDashboard;
import io.lendpoint.api.servicepoint.ServicePointDashboardQuery;
import io.lendpoint.api.servicepoint.ServicePointDetail;
import io.lendpoint.api.servicepoint.ServicePointDetailQuery;
import io.lendpoint.api.servicepoint.ServicePointListQuery;
import io.lendpoint.api.servicepoint.ServicePointPage;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.query.ReadModelVersions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode: the service-point projection and its queries against a real MongoDB (a single-node replica
 * set, written with w:majority as in query-side.yml), through Spring Boot's Mongo auto-configuration. Skipped
 * where no Docker engine is available.
 */
@DataMongoTest
@Import({ServicePointProjection.class, ServicePointQueries.class, ReadModelVersions.class, FakeVault.class})
@Testcontainers(disabledWithoutDocker = true)
class ServicePointProjectionMongoTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("spring.data.mongodb.uri",
                () -> MONGO.getReplicaSetUrl("lendpoint") + "?w=majority&readConcernLevel=majority");
        properties.add("spring.data.mongodb.database", () -> "lendpoint");
    }

    @Autowired
    ServicePointProjection projection;
    @Autowired
    ServicePointQueries queries;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyProjection() {
        projection.onReset();
    }

    @Test
    @DisplayName("distributed: a redelivered ServicePointApplied leaves one document, and the queries find it")
    void redeliveredApplicationIsProjectedOnce() {
        DomainEventMessage<ServicePointApplied> applied = message("sp-tc-1", 0, applied("sp-tc-1"));

        projection.on(applied.getPayload(), applied);
        projection.on(applied.getPayload(), applied); // at-least-once delivery: the same event again

        assertThat(mongo.getCollection(ServicePointDocument.COLLECTION).countDocuments()).isEqualTo(1);
        ServicePointDetail detail = queries.handle(new ServicePointDetailQuery("sp-tc-1")).orElseThrow();
        assertThat(detail.status()).isEqualTo(ServicePointStatus.APPLIED);
        assertThat(detail.history()).hasSize(1);
        assertThat(detail.version()).isZero();
        assertThat(detail.institution()).isEqualTo(applied.getPayload().institution());
        assertThat(detail.plan()).isEqualTo(applied.getPayload().plan());

        ServicePointPage page = queries.handle(new ServicePointListQuery(ServicePointStatus.APPLIED,
                InstitutionKind.SCHOOL, "禅城区", "季华", null, 0, 20, ServicePointListQuery.SortKey.NAME, false));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items()).extracting(row -> row.servicePointId()).containsExactly("sp-tc-1");

        ServicePointPage otherDistrict = queries.handle(new ServicePointListQuery(null, null, "南海区", null, null,
                0, 20, null, false));
        assertThat(otherDistrict.total()).isZero();
        assertThat(otherDistrict.items()).isEmpty();

        ServicePointDashboard dashboard = queries.handle(new ServicePointDashboardQuery(null));
        assertThat(dashboard.total()).isEqualTo(1);
        assertThat(dashboard.byStatus()).containsEntry(ServicePointStatus.APPLIED, 1L);
        assertThat(dashboard.byKind()).containsEntry(InstitutionKind.SCHOOL, 1L);
    }

    @Test
    @DisplayName("distributed: a redelivered later event is skipped by its sequence number")
    void redeliveredUpdateIsAppliedOnce() {
        DomainEventMessage<ServicePointApplied> applied = message("sp-tc-2", 0, applied("sp-tc-2"));
        ResponsibleContact newContact = new ResponsibleContact("李四", "13900139000");
        DomainEventMessage<ServicePointContactChanged> changed = message("sp-tc-2", 1,
                new ServicePointContactChanged("sp-tc-2", applied.getPayload().contact(), new RecordedContact(
                        newContact.name(), FakeVault.protectedAs(RecordedContact.subjectOf("sp-tc-2", 2), newContact.phone())), "换人"));

        projection.on(applied.getPayload(), applied);
        projection.on(changed.getPayload(), changed);
        projection.on(changed.getPayload(), changed);
        projection.on(applied.getPayload(), applied); // a replay over existing data

        ServicePointDetail detail = queries.handle(new ServicePointDetailQuery("sp-tc-2")).orElseThrow();
        assertThat(detail.contact()).isEqualTo(newContact);
        assertThat(detail.version()).isEqualTo(1);
        assertThat(detail.history()).extracting(change -> change.sequence()).containsExactly(0L, 1L);
        assertThat(mongo.getCollection(ServicePointDocument.COLLECTION).countDocuments()).isEqualTo(1);
    }

    private static <T> DomainEventMessage<T> message(String servicePointId, long sequence, T payload) {
        return new GenericDomainEventMessage<>("ServicePoint", servicePointId, sequence, payload);
    }

    private static ServicePointApplied applied(String servicePointId) {
        return SampleApplications.applied(servicePointId, FakeVault.protectedAs(
                RecordedContact.subjectOf(servicePointId, 1), SampleApplications.CONTACT.phone()));
    }
}
