package io.lendpoint.query.servicepoint;

import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.ServicePointDashboard;
import io.lendpoint.api.servicepoint.ServicePointDashboardQuery;
import io.lendpoint.api.servicepoint.ServicePointDetail;
import io.lendpoint.api.servicepoint.ServicePointDetailQuery;
import io.lendpoint.api.servicepoint.ServicePointListQuery;
import io.lendpoint.api.servicepoint.ServicePointPage;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import io.lendpoint.query.Paging;
import io.lendpoint.query.ReadModelVersions;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Answers service-point queries from the {@code service_points} projection. */
@Component
class ServicePointQueries {

    /** The read model the dashboard's counts are cached from ({@link ReadModelVersions}). */
    static final String DASHBOARD = "service-point-dashboard";

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;
    private final ReadModelVersions versions;
    /** District ("" for the city) → the dashboard counted at a version of the points. */
    private final Map<String, CountedAt> dashboards = new ConcurrentHashMap<>();

    /** The vault is looked up on first use ({@code @Lazy}), so this side starts even where none is configured yet. */
    ServicePointQueries(MongoTemplate mongo, @Lazy PersonalDataVault vault, ReadModelVersions versions) {
        this.mongo = mongo;
        this.vault = vault;
        this.versions = versions;
    }

    @QueryHandler
    ServicePointPage handle(ServicePointListQuery query) {
        Query filter = new Query();
        if (query.restrictedToServicePoint() != null) {
            filter.addCriteria(Criteria.where("_id").is(query.restrictedToServicePoint()));
        }
        if (query.status() != null) {
            filter.addCriteria(Criteria.where("status").is(query.status()));
        }
        if (query.kind() != null) {
            filter.addCriteria(Criteria.where("kind").is(query.kind()));
        }
        if (query.district() != null) {
            filter.addCriteria(Criteria.where("district").is(query.district()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            filter.addCriteria(Criteria.where("searchText")
                    .regex(Pattern.quote(query.text().strip().toLowerCase(Locale.ROOT))));
        }
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Paging.Result<io.lendpoint.api.servicepoint.ServicePointSummary> found = Paging.find(mongo, filter,
                Sort.by(direction, sortField(query.sort())).and(Sort.by(Sort.Direction.ASC, "_id")), query.page(),
                query.size(), ServicePointDocument.class, ServicePointDocument::toSummary);
        return new ServicePointPage(found.items(), found.total(), query.page(), query.size());
    }

    @QueryHandler
    Optional<ServicePointDetail> handle(ServicePointDetailQuery query) {
        return Optional.ofNullable(mongo.findById(query.servicePointId(), ServicePointDocument.class))
                .map(point -> point.toDetail(phone -> vault.revealOrErased(phone)));
    }

    @QueryHandler
    ServicePointDashboard handle(ServicePointDashboardQuery query) {
        // the version first, then the count: a change during the count leaves a new version, so what is cached
        // here is never served after a change it may have missed. A point's status changes a few times in its
        // life, so the dashboard is one read by _id almost always, instead of a scan of every point (issue 8)
        String version = versions.current(DASHBOARD);
        String district = query.district() == null ? "" : query.district();
        CountedAt cached = dashboards.get(district);
        if (cached != null && cached.version().equals(version)) {
            return cached.dashboard();
        }
        ServicePointDashboard counted = count(query);
        if (query.district() == null || counted.total() > 0) {
            dashboards.put(district, new CountedAt(version, counted)); // districts with points only: bounded
        }
        return counted;
    }

    private record CountedAt(String version, ServicePointDashboard dashboard) {
    }

    private ServicePointDashboard count(ServicePointDashboardQuery query) {
        Query filter = new Query();
        if (query.district() != null) {
            filter.addCriteria(Criteria.where("district").is(query.district()));
        }
        filter.fields().include("status", "kind");
        Map<ServicePointStatus, Long> byStatus = new EnumMap<>(ServicePointStatus.class);
        Map<InstitutionKind, Long> byKind = new EnumMap<>(InstitutionKind.class);
        Map<String, Long> cells = new TreeMap<>();
        long total = 0;
        for (Document point : mongo.find(filter, Document.class, ServicePointDocument.COLLECTION)) {
            ServicePointStatus status = ServicePointStatus.valueOf(point.getString("status"));
            InstitutionKind kind = InstitutionKind.valueOf(point.getString("kind"));
            byStatus.merge(status, 1L, Long::sum);
            byKind.merge(kind, 1L, Long::sum);
            cells.merge(status.name() + "/" + kind.name(), 1L, Long::sum);
            total++;
        }
        List<ServicePointDashboard.Cell> byBoth = new ArrayList<>();
        cells.forEach((key, count) -> {
            String[] parts = key.split("/");
            byBoth.add(new ServicePointDashboard.Cell(ServicePointStatus.valueOf(parts[0]),
                    InstitutionKind.valueOf(parts[1]), count));
        });
        // unmodifiable: the same answer may be handed to many callers
        return new ServicePointDashboard(query.district(), total, Collections.unmodifiableMap(byStatus),
                Collections.unmodifiableMap(byKind), List.copyOf(byBoth));
    }

    private static String sortField(ServicePointListQuery.SortKey key) {
        return switch (key == null ? ServicePointListQuery.SortKey.APPLIED_AT : key) {
            case NAME -> "nameOrder"; // pinyin, not code points (PinyinOrder)
            case APPLIED_AT -> "appliedAt";
            case UPDATED_AT -> "updatedAt";
            case STATUS -> "status";
            case DISTRICT -> "districtOrder";
        };
    }
}
