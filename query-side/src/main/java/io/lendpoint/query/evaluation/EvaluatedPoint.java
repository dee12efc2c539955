package io.lendpoint.query.evaluation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the evaluation needs to know of a point (collection {@code evaluation_points}): its name and district for
 * rankings, and the population it serves (the expected readers of its borrowing plan, §4.1.2 a) for per-capita
 * figures.
 */
@Document(EvaluatedPoint.COLLECTION)
record EvaluatedPoint(@Id String servicePointId, String name, String district, int populationServed) {

    static final String COLLECTION = "evaluation_points";
}
