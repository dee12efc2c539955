package io.lendpoint.api.loanbatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The items of a batch, with what an item list (A.1.3) prints above them, and each item's state now (see
 * {@link ItemLocation#state()}; absent for an item that has moved on to a later batch). The states also hold the
 * items written off the list after a receipt discrepancy ({@code WRITTEN_OFF}); items unpicked before shipping are
 * no longer the batch's and are in neither.
 */
public record BatchItems(String batchId, String servicePointId, String servicePointName, LocalDate shippedOn,
                         List<ItemDescription> items, Map<String, String> states) {
}
