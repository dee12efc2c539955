package io.lendpoint.api.loanbatch;

import java.math.BigDecimal;
import java.util.Map;

/**
 * §5.4.2: the compensation for one item as the point is shown it: the amount, the rule that applied
 * ({@code basis}, a stable code) and its figures, and how it was settled (null while due).
 */
public record CompensationView(String barcode, BigDecimal amount, String basis, Map<String, String> figures,
                               SettlementKind settlement) {
}
