package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.4: a party objected to continuing; the agreement will expire at {@code validUntil}. */
@Revision("1")
public record ObjectionLodged(String agreementId, Side side, String reason, LocalDate lodgedOn, LocalDate validUntil) {
}
