package io.lendpoint.query.operations;

import io.lendpoint.api.operations.Question;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** §6.3: a questionnaire's definition in collection {@code questionnaires}. */
@Document(QuestionnaireDocument.COLLECTION)
class QuestionnaireDocument {

    static final String COLLECTION = "questionnaires";

    @Id
    String id;
    String title;
    List<Question> questions;
    boolean closed;
}
