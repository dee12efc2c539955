package io.lendpoint.api.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * §5.4.2, A.2.5: one lost or damaged item, as the compensation rules need it.
 *
 * @param listPrice             the item's list price (定价) in yuan
 * @param publicationYear       the year of publication, for the publication-year bands
 * @param imported              an imported (foreign-published) book: the imported multiplier replaces the year bands
 * @param setPrice              for one volume of a multi-volume set: the price of the whole set, which is then
 *                              charged instead of the list price; null otherwise
 * @param condition             lost or damaged
 * @param severity              for {@link ItemCondition#DAMAGED} only (required then), null for a loss
 * @param replacedBySameEdition the point replaces the item by a copy of the same edition: only the processing fee
 *                              is charged. Only for a loss (or severe damage charged as a loss).
 */
public record CompensationItem(
        BigDecimal listPrice,
        int publicationYear,
        boolean imported,
        BigDecimal setPrice,
        ItemCondition condition,
        DamageSeverity severity,
        boolean replacedBySameEdition) {

    public CompensationItem {
        listPrice = Yuan.requirePrice(listPrice, "listPrice");
        setPrice = setPrice == null ? null : Yuan.requirePrice(setPrice, "setPrice");
        Objects.requireNonNull(condition, "condition");
        if (publicationYear < 1 || publicationYear > 9999) {
            throw new IllegalArgumentException("publicationYear must be a year, got " + publicationYear);
        }
        if (condition == ItemCondition.DAMAGED && severity == null) {
            throw new IllegalArgumentException("a damaged item needs a severity");
        }
        if (condition == ItemCondition.LOST && severity != null) {
            throw new IllegalArgumentException("a lost item has no damage severity");
        }
    }

    /** A lost item, not replaced. */
    public static CompensationItem lost(BigDecimal listPrice, int publicationYear) {
        return new CompensationItem(listPrice, publicationYear, false, null, ItemCondition.LOST, null, false);
    }

    /** A damaged item, not replaced. */
    public static CompensationItem damaged(BigDecimal listPrice, int publicationYear, DamageSeverity severity) {
        return new CompensationItem(listPrice, publicationYear, false, null, ItemCondition.DAMAGED, severity, false);
    }

    public CompensationItem asImported() {
        return new CompensationItem(listPrice, publicationYear, true, setPrice, condition, severity,
                replacedBySameEdition);
    }

    public CompensationItem withSetPrice(BigDecimal price) {
        return new CompensationItem(listPrice, publicationYear, imported, price, condition, severity,
                replacedBySameEdition);
    }

    public CompensationItem withReplacementBySameEdition() {
        return new CompensationItem(listPrice, publicationYear, imported, setPrice, condition, severity, true);
    }
}
