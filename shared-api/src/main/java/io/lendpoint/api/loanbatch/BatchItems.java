package io.lendpoint.api.loanbatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The items of a batch, with what an item list (A.1.3) prints above them, and each item's state now (see
 * {@link ItemLocation#state()}; absent for an item that has moved on to a later batch).
 */
public record BatchItems(String batchId, String servicePointId, String servicePointName, LocalDate shippedOn,
                         List<ItemDescription> items, Map<String, String> states) {
}
