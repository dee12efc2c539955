package io.lendpoint.api.servicepoint;

import java.time.LocalDate;

/** §4.3: one completed preparation item, when, with what note, and who recorded it (audit metadata). */
public record PreparationRecord(PreparationItem item, LocalDate completedOn, String note, String by) {
}
