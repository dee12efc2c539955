package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §4.3: the point went live: preparation complete, agreement in force, card active. */
@Revision("1")
public record ServicePointActivated(String servicePointId, String agreementId, String cardId, LocalDate activatedOn) {
}
