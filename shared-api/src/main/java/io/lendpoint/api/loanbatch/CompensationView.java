package io.lendpoint.api.loanbatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * §5.4.2: the compensation for one item as the point is shown it: the amount assessed, the rule that applied
 * ({@code basis}, a stable code) and its figures; how it was settled (null while due) and what is still due; and,
 * for a lost item found later, when, what became of the refundable part ({@code refundDisposition},
 * {@code refund}) and when an owed refund was paid back.
 */
public record CompensationView(String barcode, BigDecimal amount, String basis, Map<String, String> figures,
                               SettlementKind settlement, BigDecimal stillDue, LocalDate foundOn,
                               RefundDisposition refundDisposition, BigDecimal refund, LocalDate refundPaidOn) {

    /** Just assessed: all of it is due. */
    public static CompensationView assessed(String barcode, BigDecimal amount, String basis,
                                            Map<String, String> figures) {
        return new CompensationView(barcode, amount, basis, figures, null, amount, null, null, null, null);
    }

    public CompensationView settled(SettlementKind kind) {
        return new CompensationView(barcode, amount, basis, figures, kind, BigDecimal.ZERO.setScale(2), foundOn,
                refundDisposition, refund, refundPaidOn);
    }

    public CompensationView found(LostItemFound event) {
        return new CompensationView(barcode, amount, basis, figures, settlement, event.stillDue(), event.foundOn(),
                event.disposition(), event.refund(), refundPaidOn);
    }

    public CompensationView refundPaid(LocalDate paidOn) {
        return new CompensationView(barcode, amount, basis, figures, settlement, stillDue, foundOn, refundDisposition,
                refund, paidOn);
    }

    /** Something is still to be paid (or replaced, or waived). */
    public boolean open() {
        return settlement == null && stillDue.signum() > 0;
    }

    /** The library owes the point a refund it has not paid back yet. */
    public boolean refundOwed() {
        return refundDisposition == RefundDisposition.REFUND_OWED && refundPaidOn == null;
    }
}
