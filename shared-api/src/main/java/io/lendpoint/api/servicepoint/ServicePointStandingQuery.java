package io.lendpoint.api.servicepoint;

/** Command-side question, answered from the service-point aggregate itself: where does this point stand? */
public record ServicePointStandingQuery(String servicePointId) {
}
