package io.lendpoint.command.operations;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.AnswerQuestionnaire;
import io.lendpoint.api.operations.CloseQuestionnaire;
import io.lendpoint.api.operations.DefineQuestionnaire;
import io.lendpoint.api.operations.Question;
import io.lendpoint.api.operations.QuestionKind;
import io.lendpoint.api.operations.QuestionnaireAnswered;
import io.lendpoint.api.operations.QuestionnaireClosed;
import io.lendpoint.api.operations.QuestionnaireDefined;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §6.3: a questionnaire (问卷调查) — a fixed set of questions — and the responses points give to it, each checked
 * against its question: a scale answer is 1–5, a choice one of the options. The answer to the overall-satisfaction
 * question is the response's satisfaction score for the evaluation (§7.1).
 */
@Aggregate(snapshotTriggerDefinition = "questionnaireSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Questionnaire {

    @AggregateIdentifier
    private String questionnaireId;
    private Map<String, Question> questions = new LinkedHashMap<>();
    private Set<String> responses = new HashSet<>();
    private boolean closed;

    Questionnaire() {
        // for Axon
    }

    @CommandHandler
    Questionnaire(DefineQuestionnaire command) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long overall = 0;
        for (Question question : command.questions()) {
            if (!ids.add(question.questionId())) {
                problems.add(question.questionId() + ": repeated");
            }
            boolean choice = question.kind() == QuestionKind.SINGLE_CHOICE;
            int options = question.options() == null ? 0 : question.options().size();
            if (choice && (options < 2 || new HashSet<>(question.options()).size() != options)) {
                problems.add(question.questionId() + ": a single choice needs two or more different options");
            }
            if (!choice && options > 0) {
                problems.add(question.questionId() + ": only a single choice has options");
            }
            if (question.overallSatisfaction()) {
                overall++;
                if (question.kind() != QuestionKind.SCALE_5) {
                    problems.add(question.questionId() + ": the overall satisfaction question must be a 1–5 scale");
                }
            }
        }
        if (overall > 1) {
            problems.add("more than one overall satisfaction question");
        }
        if (!problems.isEmpty()) {
            throw RuleViolation.unprocessable("questionnaire.invalid", "The questionnaire is invalid: " + problems,
                    problems);
        }
        apply(new QuestionnaireDefined(command.questionnaireId(), command.title(), List.copyOf(command.questions())));
    }

    @CommandHandler
    void handle(AnswerQuestionnaire command, Standings standings) {
        if (closed) {
            throw RuleViolation.conflict("questionnaire.closed", "Questionnaire " + questionnaireId + " is closed",
                    questionnaireId);
        }
        if (responses.contains(command.responseId())) {
            throw RuleViolation.conflict("questionnaire.response-exists", "Response " + command.responseId()
                    + " was recorded already", command.responseId());
        }
        if (!standings.servicePoint(command.servicePointId()).approved()) {
            throw RuleViolation.conflict("questionnaire.point-not-served", "Service point "
                    + command.servicePointId() + " is not one the library serves", command.servicePointId());
        }
        if (command.answeredOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("questionnaire.answered-in-future", "The date " + command.answeredOn()
                    + " is in the future", command.answeredOn());
        }
        List<String> problems = new ArrayList<>();
        Integer overall = null;
        for (Map.Entry<String, String> answer : command.answers().entrySet()) {
            Question question = questions.get(answer.getKey());
            String value = answer.getValue().strip();
            if (question == null) {
                problems.add(answer.getKey() + ": no such question");
            } else if (question.kind() == QuestionKind.SCALE_5 && !value.matches("[1-5]")) {
                problems.add(answer.getKey() + ": must be 1 to 5");
            } else if (question.kind() == QuestionKind.SINGLE_CHOICE && !question.options().contains(value)) {
                problems.add(answer.getKey() + ": must be one of " + question.options());
            } else if (question.overallSatisfaction()) {
                overall = Integer.parseInt(value);
            }
        }
        if (!problems.isEmpty()) {
            throw RuleViolation.unprocessable("questionnaire.answers-invalid", "Answers refused: " + problems,
                    problems);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        command.answers().forEach((question, value) -> answers.put(question, value.strip()));
        apply(new QuestionnaireAnswered(questionnaireId, command.responseId(), command.servicePointId(),
                command.answeredOn(), command.respondent(), answers, overall));
    }

    @CommandHandler
    void handle(CloseQuestionnaire command) {
        if (closed) {
            throw RuleViolation.conflict("questionnaire.closed", "Questionnaire " + questionnaireId
                    + " is closed already", questionnaireId);
        }
        apply(new QuestionnaireClosed(questionnaireId));
    }

    @EventSourcingHandler
    void on(QuestionnaireDefined event) {
        questionnaireId = event.questionnaireId();
        event.questions().forEach(question -> questions.put(question.questionId(), question));
    }

    @EventSourcingHandler
    void on(QuestionnaireAnswered event) {
        responses.add(event.responseId());
    }

    @EventSourcingHandler
    void on(QuestionnaireClosed event) {
        closed = true;
    }
}
