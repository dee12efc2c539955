package io.lendpoint.api.servicepoint;

import java.time.Instant;

/** One row of the service-point list; {@code overdueOnTermination}: see {@link ServicePointDetail}. */
public record ServicePointSummary(String servicePointId, String name, InstitutionKind kind, String district,
                                  ServicePointStatus status, String contactName, Instant appliedAt,
                                  Instant updatedAt, boolean overdueOnTermination) {
}
