package io.lendpoint.query.projections;

import java.time.Instant;
import java.util.List;

/**
 * The projections compared with the event store up to {@code headPosition}: per collection, the aggregates the store
 * has and the documents the collection has, the ids missing from it, the documents no aggregate stands behind, and the
 * documents behind their aggregate's last event that the projection handles (at most {@value #SAMPLE} of each
 * listed). {@code drift} when any is found; a projection that is still catching up shows as behind — check its lag.
 */
record IntegrityReport(Instant checkedAt, long headPosition, long eventsRead, boolean drift,
                       List<CollectionCheck> collections) {

    static final int SAMPLE = 20;

    record CollectionCheck(String collection, String aggregateType, String processingGroup, long aggregatesInStore,
                           long documents, long missingCount, List<String> missing, long extraCount,
                           List<String> extra, long behindCount, List<Behind> behind) {
    }

    record Behind(String id, long documentVersion, long storeVersion) {
    }
}
