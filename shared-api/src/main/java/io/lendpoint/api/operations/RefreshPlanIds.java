package io.lendpoint.api.operations;

/** A service point has one refresh plan (§6.2); its id is derived from the point's. */
public final class RefreshPlanIds {

    private static final String PREFIX = "refresh-";

    private RefreshPlanIds() {
    }

    public static String forServicePoint(String servicePointId) {
        return PREFIX + servicePointId;
    }
}
