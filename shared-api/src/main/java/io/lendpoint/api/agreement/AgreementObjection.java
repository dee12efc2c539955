package io.lendpoint.api.agreement;

import java.time.LocalDate;

/** A.4: a party's objection to the agreement continuing. */
public record AgreementObjection(Side side, String reason, LocalDate lodgedOn) {
}
