package io.lendpoint.api.agreement;

/**
 * A service point has one agreement aggregate, holding its successive contracts: its id is derived from the
 * point's, so "one live agreement per point" is guarded by the aggregate itself.
 */
public final class AgreementIds {

    private static final String PREFIX = "agreement-";

    private AgreementIds() {
    }

    public static String forServicePoint(String servicePointId) {
        return PREFIX + servicePointId;
    }

    public static String servicePointOf(String agreementId) {
        if (!agreementId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an agreement id: " + agreementId);
        }
        return agreementId.substring(PREFIX.length());
    }
}
