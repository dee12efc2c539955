package io.lendpoint.command.servicepoint;

import io.lendpoint.api.servicepoint.CloseRecruitmentCampaign;
import io.lendpoint.api.servicepoint.PublishRecruitmentCampaign;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** §4.1.1 recruitment campaigns over HTTP. */
@RestController
@RequestMapping("/api/recruitment-campaigns")
@Tag(name = "Recruitment campaigns (commands)", description = "§4.1.1: publish and close recruitment notices")
class RecruitmentCampaignCommandController {

    private final CommandGateway commands;

    RecruitmentCampaignCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.1.1 publish a recruitment campaign",
            description = "campaignId is optional; targetDistricts and targetKinds empty = open to all")
    public ResponseEntity<ServicePointCommandController.Created> publish(@RequestBody PublishRecruitmentCampaign body) {
        String id = body.campaignId() != null ? body.campaignId() : "rc-" + UUID.randomUUID();
        commands.sendAndWait(new PublishRecruitmentCampaign(id, body.title(), body.description(), body.opensOn(),
                body.closesOn(), body.targetDistricts() == null ? List.of() : body.targetDistricts(),
                body.targetKinds() == null ? List.of() : body.targetKinds()));
        return ResponseEntity.created(URI.create("/api/recruitment-campaigns/" + id))
                .body(new ServicePointCommandController.Created(id));
    }

    @PostMapping("/{campaignId}/closure")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.1.1 close a recruitment campaign, with a reason")
    public ResponseEntity<Void> close(@PathVariable String campaignId, @RequestBody Closure body) {
        commands.sendAndWait(new CloseRecruitmentCampaign(campaignId, body.reason()));
        return ResponseEntity.noContent().build();
    }

    record Closure(String reason) {
    }
}
