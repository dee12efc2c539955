package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.3.2: the point changed its service hours or content from {@code effectiveFrom}. */
@Revision("1")
public record ServiceChanged(String servicePointId, ServiceChangeKind kind, String description, LocalDate effectiveFrom) {
}
