package io.lendpoint.command.servicepoint;

import io.lendpoint.api.servicepoint.InstitutionKind;

import java.time.LocalDate;

/**
 * The recruitment campaigns as the service-point application sees them (§4.1.1): a port, so that
 * {@link ServicePoint} stays free of repositories and its fixture tests can supply a stand-in.
 */
interface RecruitmentCampaigns {

    /** Refuses (with a rule violation) unless campaign {@code campaignId} exists and takes this application. */
    void checkAcceptsApplication(String campaignId, InstitutionKind kind, String district, LocalDate date);
}
