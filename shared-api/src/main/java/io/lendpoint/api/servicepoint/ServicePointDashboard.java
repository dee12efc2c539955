package io.lendpoint.api.servicepoint;

import java.util.List;
import java.util.Map;

/** Counts of service points: in all, by status, by kind, and by both. */
public record ServicePointDashboard(String district, long total, Map<ServicePointStatus, Long> byStatus,
                                    Map<InstitutionKind, Long> byKind, List<Cell> byStatusAndKind) {

    public record Cell(ServicePointStatus status, InstitutionKind kind, long count) {
    }
}
