package io.lendpoint.api.loanbatch;

import java.time.LocalDate;
import java.util.List;

/** The items of a batch, with what an item list (A.1.3) prints above them. */
public record BatchItems(String batchId, String servicePointId, String servicePointName, LocalDate shippedOn,
                         List<ItemDescription> items) {
}
