package io.lendpoint.api.servicepoint;

/** One service point with everything known about its setup and its full status history. */
public record ServicePointDetailQuery(String servicePointId) {
}
