package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Map;

/** §6.3: a point answered; {@code overallScore} is the answer to the overall-satisfaction question, if any. */
@Revision("1")
public record QuestionnaireAnswered(String questionnaireId, String responseId, String servicePointId,
                                    LocalDate answeredOn, String respondent, Map<String, String> answers,
                                    Integer overallScore) {
}
