package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/** §4.1.2, A.2.1: an institution applied to become a service point. */
@Revision("1")
public record ServicePointApplied(String servicePointId, String campaignId, Institution institution, BorrowingPlan plan, ResponsibleContact contact, StorageSpace space, QualificationDocument qualification) {
}
