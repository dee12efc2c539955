package io.lendpoint.api.operations;

/** §6.2: propose an exchange for a point from what circulates there over the last {@code lookbackMonths} months. */
public record RefreshProposalQuery(String servicePointId, int lookbackMonths) {
}
