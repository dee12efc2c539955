package io.lendpoint.query.operations;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.TrainingDetailQuery;
import io.lendpoint.api.operations.TrainingListQuery;
import io.lendpoint.api.operations.TrainingPage;
import io.lendpoint.api.operations.TrainingView;
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

/** §6.1, A.1.4 trainings over HTTP; a service-point manager sees those its point was invited to. */
@RestController
@Tag(name = "Training (queries)")
class TrainingQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    TrainingQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/trainings")
    @Operation(summary = "§6.1, A.1.4 trainings, newest planned first; servicePointId: those a point was invited to")
    public TrainingPage list(@RequestParam(required = false) String servicePointId,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        String point = scope.narrow(servicePointId);
        return queries.query(new TrainingListQuery(point, page, size), TrainingPage.class).join();
    }

    @GetMapping("/api/trainings/{trainingId}")
    @Operation(summary = "§6.1, A.1.4 one training with its attendees and materials")
    public TrainingView detail(@PathVariable String trainingId) {
        TrainingView view = queries.query(new TrainingDetailQuery(trainingId),
                        ResponseTypes.optionalInstanceOf(TrainingView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("training.not-found", "No training " + trainingId,
                        trainingId));
        scope.requireAccessToAnyOf(view.servicePointIds());
        return view;
    }
}
