package io.lendpoint.api.agreement;

/** Read side: the state of service-point setup city-wide (agreements and collective cards). Answers {@link SetupDashboard}. */
public record SetupDashboardQuery() {
}
