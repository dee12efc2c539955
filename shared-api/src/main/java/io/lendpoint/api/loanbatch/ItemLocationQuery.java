package io.lendpoint.api.loanbatch;

/** "Where is barcode X now?" — the item's batch, point and state. */
public record ItemLocationQuery(String barcode) {
}
