package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.3.1: on-site reading at the point on {@code day}; feeds utilisation metrics (§7.1). */
@Revision("1")
public record OnSiteReadingRecorded(String servicePointId, LocalDate day, int sessions, int readers) {
}
