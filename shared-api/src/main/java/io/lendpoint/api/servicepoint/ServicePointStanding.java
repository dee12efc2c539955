package io.lendpoint.api.servicepoint;

/** The answer to {@link ServicePointStandingQuery}; {@code status} null when there is no such point. */
public record ServicePointStanding(String servicePointId, ServicePointStatus status, String institutionName) {

    /** Approved (§4.2.2) and not withdrawn: approved or already live. */
    public boolean approved() {
        return status == ServicePointStatus.APPROVED || status == ServicePointStatus.ACTIVE;
    }
}
