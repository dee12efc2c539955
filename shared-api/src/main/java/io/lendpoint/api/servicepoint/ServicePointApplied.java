package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/**
 * §4.1.2, A.2.1: an institution applied to become a service point. Revision 2: the contact's phone is protected
 * (A.6); revision-1 payloads carried it in plaintext and are upcast ({@code ContactPhoneUpcaster}).
 */
@Revision("2")
public record ServicePointApplied(String servicePointId, String campaignId, Institution institution, BorrowingPlan plan, RecordedContact contact, StorageSpace space, QualificationDocument qualification) {
}
