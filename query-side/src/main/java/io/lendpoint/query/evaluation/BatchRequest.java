package io.lendpoint.query.evaluation;

import io.lendpoint.api.loanbatch.CategoryQuantity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** What a batch request asked for (collection {@code evaluation_batch_requests}), to count unmet demand (§6.2). */
@Document(BatchRequest.COLLECTION)
record BatchRequest(@Id String batchId, List<CategoryQuantity> wanted) {

    static final String COLLECTION = "evaluation_batch_requests";
}
