package io.lendpoint.command.loanbatch;

import java.util.Collection;

/**
 * §5.2: an item is in at most one open batch. A set-based rule no single batch can check, so picked barcodes are
 * claimed in a table written in the picking command's own transaction: a refused or failed command claims
 * nothing, and of two commands racing for one barcode only one commits.
 */
interface BarcodeClaims {

    /** Claims the barcodes for the batch (those it holds already are fine); refuses any held by another batch. */
    void claim(String batchId, Collection<String> barcodes);

    /** Gives the barcodes up (unpicked, or accounted for when the batch closes). */
    void release(String batchId, Collection<String> barcodes);
}
