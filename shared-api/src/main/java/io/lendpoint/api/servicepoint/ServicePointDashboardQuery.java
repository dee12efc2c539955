package io.lendpoint.api.servicepoint;

/** Counts of service points by status and kind, city-wide ({@code district} null) or for one district. */
public record ServicePointDashboardQuery(String district) {
}
