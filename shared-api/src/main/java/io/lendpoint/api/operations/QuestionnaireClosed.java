package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

/** §6.3: the questionnaire takes no more answers. */
@Revision("1")
public record QuestionnaireClosed(String questionnaireId) {
}
