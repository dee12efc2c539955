package io.lendpoint.api.loanbatch;

import java.time.Instant;

/**
 * Where an item is: {@code state} is one of {@code PICKED} (in a batch at the library), {@code IN_TRANSIT},
 * {@code AT_POINT}, {@code LENT} (to {@code readerNumber}), {@code BACK_AT_LIBRARY}, {@code WRITTEN_OFF},
 * {@code LOST}; {@code since} is when it got there.
 */
public record ItemLocation(String barcode, String title, String batchId, String servicePointId, String state,
                           String readerNumber, Instant since) {
}
