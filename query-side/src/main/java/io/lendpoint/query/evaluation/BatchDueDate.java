package io.lendpoint.query.evaluation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** A batch's current due date (collection {@code evaluation_batch_dues}), to tell on-time returns from late ones. */
@Document(BatchDueDate.COLLECTION)
record BatchDueDate(@Id String batchId, LocalDate dueOn) {

    static final String COLLECTION = "evaluation_batch_dues";
}
