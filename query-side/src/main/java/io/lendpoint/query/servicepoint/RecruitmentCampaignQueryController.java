package io.lendpoint.query.servicepoint;

import io.lendpoint.api.servicepoint.RecruitmentCampaignListQuery;
import io.lendpoint.api.servicepoint.RecruitmentCampaigns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** §4.1.1 recruitment campaigns, for staff and for institutions about to apply. */
@RestController
@RequestMapping("/api/recruitment-campaigns")
@Tag(name = "Recruitment campaigns (queries)")
class RecruitmentCampaignQueryController {

    private final QueryGateway queries;

    RecruitmentCampaignQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Recruitment campaigns, newest first; openOnly=true for those taking applications today")
    public RecruitmentCampaigns list(@RequestParam(defaultValue = "false") boolean openOnly) {
        return queries.query(new RecruitmentCampaignListQuery(openOnly), RecruitmentCampaigns.class).join();
    }
}
