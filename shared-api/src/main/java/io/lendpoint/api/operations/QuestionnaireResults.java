package io.lendpoint.api.operations;

import java.util.List;
import java.util.Map;

/**
 * §6.3: answers aggregated per question: for a 1–5 scale the mean and the count of each score, for a single choice
 * the count of each option, for free text the number of answers and the latest ones (at most 20).
 */
public record QuestionnaireResults(String questionnaireId, String title, boolean closed, String servicePointId,
                                   long responses, List<QuestionResult> questions) {

    public record QuestionResult(String questionId, String text, QuestionKind kind, long answered, Double mean,
                                 Map<String, Long> counts, List<String> latestText) {
    }
}
