package io.lendpoint.query.operations;

import io.lendpoint.api.operations.Question;
import io.lendpoint.api.operations.QuestionKind;
import io.lendpoint.api.operations.QuestionnaireAnswered;
import io.lendpoint.api.operations.QuestionnaireClosed;
import io.lendpoint.api.operations.QuestionnaireDefined;
import io.lendpoint.api.operations.QuestionnaireResults;
import io.lendpoint.api.operations.QuestionnaireResultsQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * §6.3: questionnaires and their responses ({@code questionnaires}, {@code questionnaire_responses}); results are
 * aggregated per question when asked, over all points or one, so they are always those of the stored responses.
 */
@Component
@ProcessingGroup(OperationsProcessing.GROUP)
class QuestionnaireProjection {

    static final int LATEST_TEXT = 20;

    private final MongoTemplate mongo;

    QuestionnaireProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(QuestionnaireDefined event) {
        QuestionnaireDocument questionnaire = new QuestionnaireDocument();
        questionnaire.id = event.questionnaireId();
        questionnaire.title = event.title();
        questionnaire.questions = event.questions();
        mongo.save(questionnaire);
    }

    @EventHandler
    void on(QuestionnaireAnswered event) {
        mongo.save(new QuestionnaireResponseDocument(event.responseId(), event.questionnaireId(),
                event.servicePointId(), event.answeredOn(), event.respondent(), event.answers()));
    }

    @EventHandler
    void on(QuestionnaireClosed event) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.questionnaireId())),
                new Update().set("closed", true), QuestionnaireDocument.class);
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(QuestionnaireDocument.class);
        mongo.dropCollection(QuestionnaireResponseDocument.class);
    }

    @QueryHandler
    Optional<QuestionnaireResults> handle(QuestionnaireResultsQuery query) {
        QuestionnaireDocument questionnaire = mongo.findById(query.questionnaireId(), QuestionnaireDocument.class);
        if (questionnaire == null) {
            return Optional.empty();
        }
        Query filter = Query.query(Criteria.where("questionnaireId").is(query.questionnaireId()));
        if (query.servicePointId() != null) {
            filter.addCriteria(Criteria.where("servicePointId").is(query.servicePointId()));
        }
        List<QuestionnaireResponseDocument> responses = mongo.find(filter, QuestionnaireResponseDocument.class)
                .stream().sorted(Comparator.comparing(QuestionnaireResponseDocument::answeredOn).reversed()
                        .thenComparing(QuestionnaireResponseDocument::id)).toList();
        List<QuestionnaireResults.QuestionResult> results = new ArrayList<>();
        for (Question question : questionnaire.questions) {
            List<String> answers = responses.stream().map(response -> response.answers().get(question.questionId()))
                    .filter(answer -> answer != null && !answer.isBlank()).toList();
            Map<String, Long> counts = new LinkedHashMap<>();
            Double mean = null;
            List<String> latest = List.of();
            if (question.kind() == QuestionKind.SCALE_5) {
                for (int score = 1; score <= 5; score++) {
                    String key = String.valueOf(score);
                    counts.put(key, answers.stream().filter(key::equals).count());
                }
                mean = answers.isEmpty() ? null
                        : Math.round(answers.stream().mapToInt(Integer::parseInt).average().orElseThrow() * 10_000)
                        / 10_000.0;
            } else if (question.kind() == QuestionKind.SINGLE_CHOICE) {
                question.options().forEach(option -> counts.put(option,
                        answers.stream().filter(option::equals).count()));
            } else {
                latest = answers.stream().limit(LATEST_TEXT).toList();
            }
            results.add(new QuestionnaireResults.QuestionResult(question.questionId(), question.text(),
                    question.kind(), answers.size(), mean, counts, latest));
        }
        return Optional.of(new QuestionnaireResults(questionnaire.id, questionnaire.title, questionnaire.closed,
                query.servicePointId(), responses.size(), results));
    }
}
