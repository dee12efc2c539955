package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.util.List;

/** §6.3: a questionnaire was defined; its questions never change (a new version is a new questionnaire). */
@Revision("1")
public record QuestionnaireDefined(String questionnaireId, String title, List<Question> questions) {
}
