package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/** §4.2.2: the point was approved, on the strength of the passing inspection numbered {@code basedOnInspection}. */
@Revision("1")
public record ServicePointApproved(String servicePointId, int basedOnInspection, String notes) {
}
