package io.lendpoint.query.operations;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.FeedbackDetailQuery;
import io.lendpoint.api.operations.FeedbackListQuery;
import io.lendpoint.api.operations.FeedbackPage;
import io.lendpoint.api.operations.FeedbackView;
import io.lendpoint.platform.security.PointScope;
import io.lendpoint.query.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** §6.3 feedback over HTTP; a service-point manager sees its own point's only. */
@RestController
@Tag(name = "Feedback (queries)")
class FeedbackQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    FeedbackQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/feedback")
    @Operation(summary = "§6.3 feedback, newest first; open=true: problems still being followed up, oldest first")
    public FeedbackPage list(@RequestParam(required = false) String servicePointId,
                             @RequestParam(defaultValue = "false") boolean open,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        String point = scope.narrow(servicePointId);
        return queries.query(new FeedbackListQuery(point, open, page, size), FeedbackPage.class).join();
    }

    @GetMapping("/api/feedback/{feedbackId}")
    @Operation(summary = "§6.3 one piece of feedback with its follow-ups and resolution")
    public FeedbackView detail(@PathVariable String feedbackId) {
        FeedbackView view = queries.query(new FeedbackDetailQuery(feedbackId),
                        ResponseTypes.optionalInstanceOf(FeedbackView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("feedback.not-found", "No feedback " + feedbackId,
                        feedbackId));
        scope.requireAccessTo(view.servicePointId());
        return view;
    }
}
