package io.lendpoint.api.operations;

/** §6.3: a questionnaire's answers aggregated per question, over all points or one ({@code servicePointId}). */
public record QuestionnaireResultsQuery(String questionnaireId, String servicePointId) {
}
