package io.lendpoint.query.servicepoint;

import io.lendpoint.api.agreement.AgreementClosed;
import io.lendpoint.api.agreement.ReturnPeriodOverdue;
import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.api.servicepoint.ConditionFinding;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.PreparationItem;
import io.lendpoint.api.servicepoint.PreparationItemCompleted;
import io.lendpoint.api.servicepoint.PreparationRecord;
import io.lendpoint.api.servicepoint.ContactDataErased;
import io.lendpoint.api.servicepoint.RecordedContact;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.platform.personaldata.FakeVault;
import io.lendpoint.api.servicepoint.SampleApplications;
import io.lendpoint.api.servicepoint.ServicePointActivated;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointApproved;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.api.servicepoint.ServicePointDashboard;
import io.lendpoint.api.servicepoint.ServicePointDashboardQuery;
import io.lendpoint.api.servicepoint.ServicePointDetail;
import io.lendpoint.api.servicepoint.ServicePointDetailQuery;
import io.lendpoint.api.servicepoint.ServicePointListQuery;
import io.lendpoint.api.servicepoint.ServicePointPage;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.api.servicepoint.ServicePointSummary;
import io.lendpoint.api.servicepoint.SiteInspected;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProjectionFixture;
import io.lendpoint.query.ReadModelVersions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service-point projection and its queries against a MongoDB-wire server, the way the processor drives them. */
class ServicePointProjectionTest {

    private static final ConditionFinding MET = new ConditionFinding(true, null);
    private static final ConditionFinding NOT_MET = new ConditionFinding(false, "书架不足");
    private static final MetaData STAFF = MetaData.from(Map.of(AuditMetadata.USER, "staff",
            AuditMetadata.ROLE, "LIBRARY_STAFF"));

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;
    private ServicePointProjection projection;
    private ServicePointQueries queries;
    private ProjectionFixture events;
    private final FakeVault vault = new FakeVault();

    @BeforeEach
    void start() {
        mongo = store.template("projection-test");
        ReadModelVersions versions = new ReadModelVersions(mongo);
        projection = new ServicePointProjection(mongo, versions);
        events = new ProjectionFixture(projection, "ServicePoint");
        queries = new ServicePointQueries(mongo, vault, versions);
    }

    @Test
    @DisplayName("§4.2 the detail shows the whole setup history with who did what")
    void lifecycleWithHistory() {
        setUpPoint("sp-1", "佛山市第一小学", InstitutionKind.SCHOOL, "禅城区");
        deliver("sp-1", new SiteInspected("sp-1", 1, LocalDate.of(2026, 11, 20), "王馆员", MET, NOT_MET, MET, "再看", false));
        deliver("sp-1", new SiteInspected("sp-1", 2, LocalDate.of(2026, 11, 25), "王馆员", MET, MET, MET, null, true));
        deliver("sp-1", new ServicePointApproved("sp-1", 2, "条件具备"));

        ServicePointDetail detail = queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow();
        assertThat(detail.status()).isEqualTo(ServicePointStatus.APPROVED);
        assertThat(detail.inspections()).extracting(i -> i.number() + ":" + i.passed()).containsExactly("1:false", "2:true");
        assertThat(detail.history()).extracting(h -> h.event() + "→" + h.status())
                .containsExactly("ServicePointApplied→APPLIED", "SiteInspected→INSPECTION_FAILED",
                        "SiteInspected→INSPECTION_PASSED", "ServicePointApproved→APPROVED");
        assertThat(detail.history()).allSatisfy(h -> {
            assertThat(h.by()).isEqualTo("staff");
            assertThat(h.role()).isEqualTo("LIBRARY_STAFF");
        });
        assertThat(detail.version()).isEqualTo(3);
    }

    @Test
    @DisplayName("projection is idempotent: redelivering every event, one by one or the whole stream, changes nothing")
    void redeliveryChangesNothing() {
        setUpPoint("sp-1", "佛山市第一小学", InstitutionKind.SCHOOL, "禅城区");
        deliver("sp-1", new SiteInspected("sp-1", 1, LocalDate.of(2026, 11, 20), "王馆员", MET, MET, MET, null, true));
        deliver("sp-1", new ServicePointContactChanged("sp-1", contact("李老师"), contact("陈老师"), "调岗"));
        ServicePointDetail before = queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow();

        for (DomainEventMessage<?> message : events.stream()) {
            redeliver(message);
            redeliver(message);
        }
        events.stream().forEach(this::redeliver);

        assertThat(queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow()).isEqualTo(before);
        assertThat(mongo.getCollection(ServicePointDocument.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(before.contact().name()).isEqualTo("陈老师");
        assertThat(before.history()).hasSize(3);
    }

    @Test
    @DisplayName("A.6 the contact's phone is kept protected and shown in full only when the detail is read; an erased former contact stays out of it")
    void contactPhoneIsProtected() {
        setUpPoint("sp-1", "佛山市第一小学", InstitutionKind.SCHOOL, "禅城区");
        deliver("sp-1", new ServicePointContactChanged("sp-1", contact("李老师"), contact("陈老师", "0757-83001234", 2),
                "调岗"));
        vault.erase(RecordedContact.subjectOf("sp-1", 1));
        deliver("sp-1", new ContactDataErased("sp-1", RecordedContact.subjectOf("sp-1", 1), "本人申请删除"));

        ServicePointDetail detail = queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow();
        assertThat(detail.contact()).isEqualTo(new ResponsibleContact("陈老师", "0757-83001234"));
        assertThat(detail.history()).extracting(h -> h.event()).containsExactly("ServicePointApplied",
                "ServicePointContactChanged", "ContactDataErased");
        assertThat(detail.version()).isEqualTo(2);
        String stored = mongo.getCollection(ServicePointDocument.COLLECTION).find().first().toJson();
        assertThat(stored).doesNotContain("0757-83001234").doesNotContain("13800138000");
    }

    @Test
    @DisplayName("§4.3 the preparation checklist records each item with date, note and who; activation makes the point ACTIVE")
    void preparationAndActivation() {
        setUpPoint("sp-1", "佛山市第一小学", InstitutionKind.SCHOOL, "禅城区");
        deliver("sp-1", new SiteInspected("sp-1", 1, LocalDate.of(2026, 11, 20), "王馆员", MET, MET, MET, null, true));
        deliver("sp-1", new ServicePointApproved("sp-1", 1, "条件具备"));
        deliver("sp-1", new PreparationItemCompleted("sp-1", PreparationItem.SITE_SELECTION, LocalDate.of(2026, 12, 1), "二楼阅览室"));
        deliver("sp-1", new PreparationItemCompleted("sp-1", PreparationItem.STAFF_TRAINING, LocalDate.of(2026, 12, 3), null));
        deliver("sp-1", new PreparationItemCompleted("sp-1", PreparationItem.COLLECTION_ALLOCATION, LocalDate.of(2026, 12, 5), "首批 800 册"));
        deliver("sp-1", new PreparationItemCompleted("sp-1", PreparationItem.BUSINESS_HANDOVER, LocalDate.of(2026, 12, 8), null));

        ServicePointDetail prepared = queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow();
        assertThat(prepared.status()).isEqualTo(ServicePointStatus.APPROVED);
        assertThat(prepared.preparation()).extracting(PreparationRecord::item).containsExactly(
                PreparationItem.SITE_SELECTION, PreparationItem.STAFF_TRAINING, PreparationItem.COLLECTION_ALLOCATION,
                PreparationItem.BUSINESS_HANDOVER);
        assertThat(prepared.preparation().get(0)).isEqualTo(new PreparationRecord(PreparationItem.SITE_SELECTION,
                LocalDate.of(2026, 12, 1), "二楼阅览室", "staff"));

        deliver("sp-1", new ServicePointActivated("sp-1", "agreement-sp-1", "card-sp-1", LocalDate.of(2026, 12, 10)));
        ServicePointDetail active = queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow();
        assertThat(active.status()).isEqualTo(ServicePointStatus.ACTIVE);
        assertThat(active.history()).extracting(h -> h.event() + "→" + h.status()).endsWith(
                "PreparationItemCompleted→APPROVED", "ServicePointActivated→ACTIVE");
        assertThat(active.history().get(active.history().size() - 1).note()).contains("2026-12-10");

        for (DomainEventMessage<?> message : events.stream()) {
            redeliver(message);
        }
        assertThat(queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow()).isEqualTo(active);
    }

    @Test
    @DisplayName("A.3 a point is flagged overdue on termination while its ended agreement is past the deadline, until closed")
    void overdueOnTerminationFlag() {
        setUpPoint("sp-1", "佛山市第一小学", InstitutionKind.SCHOOL, "禅城区");
        var overdue = new ReturnPeriodOverdue("agreement-sp-1", "sp-1", LocalDate.of(2026, 3, 30), 120);
        projection.on(overdue);
        projection.on(overdue); // redelivered
        assertThat(queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow().overdueOnTermination()).isTrue();
        assertThat(list(null, null, null, null, null, 0, 10).items().get(0).overdueOnTermination()).isTrue();
        projection.on(new AgreementClosed("agreement-sp-1", "sp-1", LocalDate.of(2026, 4, 20)));
        assertThat(queries.handle(new ServicePointDetailQuery("sp-1")).orElseThrow().overdueOnTermination()).isFalse();
    }

    @Test
    @DisplayName("an event for a point not projected yet fails loudly, so the processor retries instead of skipping")
    void updateOfUnknownPointIsRetried() {
        assertThatThrownBy(() -> deliver("sp-x", new ServicePointRejected("sp-x", "不符合")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("the list filters by status, kind, district and text, pages, sorts, and honours the manager's scope")
    void listFiltersAndPages() {
        setUpPoint("sp-1", "佛山市第一小学", InstitutionKind.SCHOOL, "禅城区");
        setUpPoint("sp-2", "祖庙街道社区书屋", InstitutionKind.COMMUNITY, "禅城区");
        setUpPoint("sp-3", "美的集团职工书屋", InstitutionKind.ENTERPRISE, "顺德区");
        setUpPoint("sp-4", "南海实验小学", InstitutionKind.SCHOOL, "南海区");
        deliver("sp-3", new ServicePointRejected("sp-3", "无专门场所"));

        assertThat(ids(list(null, null, null, null, null, 0, 10))).containsExactly("sp-1", "sp-2", "sp-3", "sp-4");
        assertThat(ids(list(ServicePointStatus.REJECTED, null, null, null, null, 0, 10))).containsExactly("sp-3");
        assertThat(ids(list(null, InstitutionKind.SCHOOL, null, null, null, 0, 10))).containsExactly("sp-1", "sp-4");
        assertThat(ids(list(null, null, "禅城区", null, null, 0, 10))).containsExactly("sp-1", "sp-2");
        assertThat(ids(list(null, InstitutionKind.SCHOOL, "禅城区", null, null, 0, 10))).containsExactly("sp-1");
        assertThat(ids(list(null, null, null, "小学", null, 0, 10))).containsExactly("sp-1", "sp-4");
        assertThat(ids(list(null, null, null, "顺德", null, 0, 10))).containsExactly("sp-3");
        assertThat(ids(list(null, null, null, "(.*", null, 0, 10))).isEmpty(); // text is literal, not a pattern
        assertThat(ids(list(null, null, null, null, "sp-2", 0, 10))).containsExactly("sp-2");

        ServicePointPage second = list(null, null, null, null, null, 1, 3);
        assertThat(second.total()).isEqualTo(4);
        // names sort by pinyin: 佛 fó, 美 měi, 南 nán, 祖 zǔ (by code point 美 would come last)
        assertThat(ids(second)).containsExactly("sp-2");
        assertThat(list(null, null, null, null, null, 0, 10).items()).extracting(ServicePointSummary::servicePointId)
                .containsExactly("sp-1", "sp-3", "sp-4", "sp-2");

        ServicePointPage byDistrictDescending = queries.handle(new ServicePointListQuery(null, null, null, null, null,
                0, 10, ServicePointListQuery.SortKey.DISTRICT, true));
        // 顺 shùn, 南 nán, 禅 chán (by code point 禅 U+7985 would come before 南 U+5357)
        assertThat(byDistrictDescending.items()).extracting(ServicePointSummary::district)
                .containsExactly("顺德区", "南海区", "禅城区", "禅城区");
    }

    @Test
    @DisplayName("a point the projection writes back keeps or gets its pinyin keys, even read before they were made")
    void projectionKeepsThePinyinKeys() {
        setUpPoint("sp-1", "祖庙街道社区书屋", InstitutionKind.COMMUNITY, "禅城区");
        setUpPoint("sp-2", "佛山市第一小学", InstitutionKind.SCHOOL, "南海区");
        mongo.getCollection(ServicePointDocument.COLLECTION).updateOne(new org.bson.Document("_id", "sp-2"),
                new org.bson.Document("$unset", new org.bson.Document("nameOrder", "").append("districtOrder", "")
                        .append("orderVersion", "")));

        deliver("sp-2", new ServicePointRejected("sp-2", "无专门场所")); // read without keys, written back whole

        org.bson.Document written = mongo.getCollection(ServicePointDocument.COLLECTION)
                .find(new org.bson.Document("_id", "sp-2")).first();
        assertThat(written.getString("orderVersion")).isEqualTo(PinyinOrder.VERSION);
        assertThat(written.getString("nameOrder")).isEqualTo(PinyinOrder.key("佛山市第一小学"));
        assertThat(list(null, null, null, null, null, 0, 10).items()).extracting(ServicePointSummary::servicePointId)
                .containsExactly("sp-2", "sp-1");
    }

    @Test
    @DisplayName("points projected before the list sorted by pinyin, or with another collation, are keyed at "
            + "start-up; a point projected again meanwhile keeps its own keys")
    void olderPointsAreKeyedForPinyinOrder() {
        setUpPoint("sp-1", "祖庙街道社区书屋", InstitutionKind.COMMUNITY, "禅城区");
        setUpPoint("sp-2", "美的集团职工书屋", InstitutionKind.ENTERPRISE, "顺德区");
        setUpPoint("sp-3", "佛山市第一小学", InstitutionKind.SCHOOL, "南海区");
        com.mongodb.client.MongoCollection<org.bson.Document> points =
                mongo.getCollection(ServicePointDocument.COLLECTION);
        // as a store written before: no keys on one point, keys of another collation version on another
        points.updateOne(new org.bson.Document("_id", "sp-1"), new org.bson.Document("$unset",
                new org.bson.Document("nameOrder", "").append("districtOrder", "").append("orderVersion", "")));
        points.updateOne(new org.bson.Document("_id", "sp-2"), new org.bson.Document("$set",
                new org.bson.Document("nameOrder", "0").append("orderVersion", "icu-0")));
        assertThat(list(null, null, null, null, null, 0, 10).items()).extracting(ServicePointSummary::servicePointId)
                .as("unkeyed and stale points out of order").containsExactly("sp-1", "sp-2", "sp-3");

        org.bson.Document staleRead = points.find(new org.bson.Document("_id", "sp-2")).first();
        points.updateOne(new org.bson.Document("_id", "sp-2"), new org.bson.Document("$set",
                new org.bson.Document("name", "美的书屋")));
        assertThat(ServicePointOrderKeys.write(points, List.of(ServicePointOrderKeys.keying(staleRead))))
                .as("renamed since it was read").isZero();
        points.updateOne(new org.bson.Document("_id", "sp-2"), new org.bson.Document("$set",
                new org.bson.Document("name", "美的集团职工书屋")));

        assertThat(ServicePointOrderKeys.keyOlderPoints(points)).isEqualTo(2);
        assertThat(ServicePointOrderKeys.keyOlderPoints(points)).as("nothing left to key").isZero();
        assertThat(list(null, null, null, null, null, 0, 10).items()).extracting(ServicePointSummary::servicePointId)
                .containsExactly("sp-3", "sp-2", "sp-1");
    }

    @Test
    @DisplayName("the dashboard counts points by status and kind, city-wide and per district")
    void dashboard() {
        setUpPoint("sp-1", "一小", InstitutionKind.SCHOOL, "禅城区");
        setUpPoint("sp-2", "二小", InstitutionKind.SCHOOL, "禅城区");
        setUpPoint("sp-3", "社区", InstitutionKind.COMMUNITY, "南海区");
        deliver("sp-2", new ServicePointRejected("sp-2", "不符合"));

        ServicePointDashboard city = queries.handle(new ServicePointDashboardQuery(null));
        assertThat(city.total()).isEqualTo(3);
        assertThat(city.byStatus()).containsEntry(ServicePointStatus.APPLIED, 2L).containsEntry(ServicePointStatus.REJECTED, 1L);
        assertThat(city.byKind()).containsEntry(InstitutionKind.SCHOOL, 2L).containsEntry(InstitutionKind.COMMUNITY, 1L);
        assertThat(city.byStatusAndKind()).contains(new ServicePointDashboard.Cell(ServicePointStatus.REJECTED,
                InstitutionKind.SCHOOL, 1));

        ServicePointDashboard chancheng = queries.handle(new ServicePointDashboardQuery("禅城区"));
        assertThat(chancheng.total()).isEqualTo(2);
        assertThat(chancheng.byKind()).containsOnlyKeys(InstitutionKind.SCHOOL);
    }

    @Test
    @DisplayName("the dashboard is counted once and served so until a point's status changes, then counted again")
    void dashboardCachedUntilAStatusChanges() {
        setUpPoint("sp-1", "一小", InstitutionKind.SCHOOL, "禅城区");
        setUpPoint("sp-2", "二小", InstitutionKind.SCHOOL, "禅城区");
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isEqualTo(2);
        assertThat(queries.handle(new ServicePointDashboardQuery("禅城区")).total()).isEqualTo(2);

        // behind the projection's back: not a change the counts are told of, so the counted answer is still served
        mongo.getCollection(ServicePointDocument.COLLECTION).deleteOne(new Document("_id", "sp-2"));
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isEqualTo(2);

        deliver("sp-1", new ServicePointApproved("sp-1", 1, "条件具备"));
        ServicePointDashboard city = queries.handle(new ServicePointDashboardQuery(null));
        assertThat(city.total()).isEqualTo(1);
        assertThat(city.byStatus()).containsOnly(Map.entry(ServicePointStatus.APPROVED, 1L));
        assertThat(queries.handle(new ServicePointDashboardQuery("禅城区")).byStatus())
                .containsOnly(Map.entry(ServicePointStatus.APPROVED, 1L));
    }

    @Test
    @DisplayName("a store projected before versions were kept gets a first one: its dashboard is cached, then renewed")
    void dashboardOfAStoreWithoutVersions() {
        setUpPoint("sp-1", "一小", InstitutionKind.SCHOOL, "禅城区");
        setUpPoint("sp-2", "二小", InstitutionKind.SCHOOL, "禅城区");
        mongo.dropCollection("read_model_versions");
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isEqualTo(2);

        mongo.getCollection(ServicePointDocument.COLLECTION).deleteOne(new Document("_id", "sp-2"));
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isEqualTo(2); // cached
        deliver("sp-1", new ServicePointApproved("sp-1", 1, "条件具备"));
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isEqualTo(1);
    }

    @Test
    @DisplayName("a status change whose new version was lost in a crash is counted once the event is redelivered")
    void redeliveredStatusChangeRenewsTheCounts() {
        setUpPoint("sp-1", "一小", InstitutionKind.SCHOOL, "禅城区");
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).byStatus())
                .containsOnly(Map.entry(ServicePointStatus.APPLIED, 1L));
        Document before = mongo.getCollection("read_model_versions").find().first();

        deliver("sp-1", new ServicePointRejected("sp-1", "不符合"));
        // the crash: the point's document was written, the new version not
        mongo.getCollection("read_model_versions").replaceOne(new Document("_id", before.get("_id")),
                before);
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).byStatus())
                .containsOnly(Map.entry(ServicePointStatus.APPLIED, 1L));

        List<DomainEventMessage<?>> all = events.stream();
        redeliver(all.get(all.size() - 1)); // the rejection: skipped as applied already, and the counts are renewed
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).byStatus())
                .containsOnly(Map.entry(ServicePointStatus.REJECTED, 1L));
    }

    @Test
    @DisplayName("a replay's reset empties the dashboard at once, and what it projects is counted")
    void resetRenewsTheCounts() {
        setUpPoint("sp-1", "一小", InstitutionKind.SCHOOL, "禅城区");
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isEqualTo(1);

        projection.onReset();
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isZero();
        events.stream().forEach(this::redeliver);
        assertThat(queries.handle(new ServicePointDashboardQuery(null)).total()).isEqualTo(1);
    }

    private void setUpPoint(String id, String name, InstitutionKind kind, String district) {
        deliver(id, SampleApplications.applied(id, SampleApplications.institution(name, kind, district),
                FakeVault.protectedAs(RecordedContact.subjectOf(id, 1), SampleApplications.CONTACT.phone())));
    }

    private static RecordedContact contact(String name) {
        return contact(name, "13800138000", 1);
    }

    /** The point's {@code n}-th contact as the events record it. */
    private static RecordedContact contact(String name, String phone, int n) {
        return new RecordedContact(name, FakeVault.protectedAs(RecordedContact.subjectOf("sp-1", n), phone));
    }

    private ServicePointPage list(ServicePointStatus status, InstitutionKind kind, String district, String text,
                                  String restricted, int page, int size) {
        return queries.handle(new ServicePointListQuery(status, kind, district, text, restricted, page, size,
                ServicePointListQuery.SortKey.NAME, false));
    }

    private static List<String> ids(ServicePointPage page) {
        return page.items().stream().map(ServicePointSummary::servicePointId).sorted().toList();
    }

    private void deliver(String aggregateId, Object payload) {
        events.deliver(aggregateId, payload, STAFF);
    }

    private void redeliver(DomainEventMessage<?> message) {
        events.redeliver(message);
    }
}
