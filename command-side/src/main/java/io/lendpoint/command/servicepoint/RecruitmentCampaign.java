package io.lendpoint.command.servicepoint;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.servicepoint.CloseRecruitmentCampaign;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.PublishRecruitmentCampaign;
import io.lendpoint.api.servicepoint.RecruitmentCampaignClosed;
import io.lendpoint.api.servicepoint.RecruitmentCampaignPublished;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** §4.1.1: a recruitment notice (服务点招募信息) that applications may answer while it is open. */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class RecruitmentCampaign {

    @AggregateIdentifier
    private String campaignId;
    private LocalDate opensOn;
    private LocalDate closesOn;
    private List<String> targetDistricts;
    private List<InstitutionKind> targetKinds;
    private boolean closed;

    RecruitmentCampaign() {
        // for Axon and Jackson
    }

    @CommandHandler
    RecruitmentCampaign(PublishRecruitmentCampaign command) {
        if (command.closesOn().isBefore(command.opensOn())) {
            throw RuleViolation.unprocessable("campaign.closes-before-opening",
                    "A campaign cannot close (" + command.closesOn() + ") before it opens (" + command.opensOn() + ")",
                    command.closesOn(), command.opensOn());
        }
        LocalDate today = LibraryTime.today(GenericEventMessage.clock);
        if (command.closesOn().isBefore(today)) {
            throw RuleViolation.unprocessable("campaign.closes-in-past",
                    "A campaign cannot be published with a closing date in the past (" + command.closesOn() + ")",
                    command.closesOn());
        }
        apply(new RecruitmentCampaignPublished(command.campaignId(), command.title(), command.description(),
                command.opensOn(), command.closesOn(), List.copyOf(command.targetDistricts()),
                List.copyOf(command.targetKinds())));
    }

    @CommandHandler
    void handle(CloseRecruitmentCampaign command) {
        if (closed) {
            throw RuleViolation.conflict("campaign.already-closed", "Campaign " + campaignId + " is closed already",
                    campaignId);
        }
        apply(new RecruitmentCampaignClosed(campaignId, command.reason(), LibraryTime.today(GenericEventMessage.clock)));
    }

    /**
     * §4.1.1: refuses an application that this campaign cannot take on {@code date}: the campaign is closed or
     * not yet open, or it targets other kinds of institution or other districts.
     */
    void checkAcceptsApplication(InstitutionKind kind, String district, LocalDate date) {
        if (closed || date.isAfter(closesOn)) {
            throw RuleViolation.unprocessable("campaign.closed",
                    "Campaign " + campaignId + " no longer takes applications", campaignId);
        }
        if (date.isBefore(opensOn)) {
            throw RuleViolation.unprocessable("campaign.not-yet-open",
                    "Campaign " + campaignId + " takes applications from " + opensOn, campaignId, opensOn);
        }
        if (!targetKinds.isEmpty() && !targetKinds.contains(kind)) {
            throw RuleViolation.unprocessable("campaign.kind-not-targeted",
                    "Campaign " + campaignId + " recruits " + targetKinds + ", not " + kind, campaignId, kind);
        }
        if (!targetDistricts.isEmpty() && !targetDistricts.contains(district)) {
            throw RuleViolation.unprocessable("campaign.district-not-targeted",
                    "Campaign " + campaignId + " recruits in " + targetDistricts + ", not in " + district,
                    campaignId, district);
        }
    }

    @EventSourcingHandler
    void on(RecruitmentCampaignPublished event) {
        campaignId = event.campaignId();
        opensOn = event.opensOn();
        closesOn = event.closesOn();
        targetDistricts = event.targetDistricts();
        targetKinds = event.targetKinds();
    }

    @EventSourcingHandler
    void on(RecruitmentCampaignClosed event) {
        closed = true;
    }
}
