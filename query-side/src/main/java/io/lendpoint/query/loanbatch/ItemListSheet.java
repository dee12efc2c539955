package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.ItemDescription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the item list of a shipped batch shows (A.1.3): the batch, the point it goes to, the shipping date and
 * the items in picking order.
 */
record ItemListSheet(String batchId, String servicePointName, LocalDate shippedOn, List<ItemDescription> items) {

    ItemListSheet {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(servicePointName, "servicePointName");
        items = List.copyOf(items);
    }

    /** The sum of the list prices, two decimals; items without a price count as nothing. */
    BigDecimal totalValue() {
        return items.stream().map(ItemDescription::listPrice).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
