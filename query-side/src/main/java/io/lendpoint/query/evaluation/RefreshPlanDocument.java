package io.lendpoint.query.evaluation;

import io.lendpoint.api.operations.RefreshPlanView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** §6.2: a point's refresh plan in collection {@code refresh_plans}, keyed by the point. */
@Document(RefreshPlanDocument.COLLECTION)
class RefreshPlanDocument {

    static final String COLLECTION = "refresh_plans";

    @Id
    String servicePointId;
    long lastSequence = -1;
    int everyMonths;
    LocalDate nextDueOn;
    int graceDays;
    boolean due;
    boolean missed;
    LocalDate lastCarriedOutOn;
    Boolean lastOnTime;

    RefreshPlanView toView() {
        return new RefreshPlanView(servicePointId, everyMonths, nextDueOn, graceDays, due, missed, lastCarriedOutOn,
                lastOnTime);
    }
}
