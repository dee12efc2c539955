package io.lendpoint.query.operations;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.Map;

/** §6.3: one response in collection {@code questionnaire_responses}, keyed by its id (stored once). */
@Document(QuestionnaireResponseDocument.COLLECTION)
record QuestionnaireResponseDocument(@Id String id, String questionnaireId, String servicePointId,
                                     LocalDate answeredOn, String respondent, Map<String, String> answers) {

    static final String COLLECTION = "questionnaire_responses";
}
