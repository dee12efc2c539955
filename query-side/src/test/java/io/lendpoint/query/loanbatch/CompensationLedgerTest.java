package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.CompensationAssessed;
import io.lendpoint.api.loanbatch.CompensationDue;
import io.lendpoint.api.loanbatch.CompensationDueQuery;
import io.lendpoint.api.loanbatch.CompensationSettled;
import io.lendpoint.api.loanbatch.LostItemFound;
import io.lendpoint.api.loanbatch.RefundDisposition;
import io.lendpoint.api.loanbatch.RefundPaid;
import io.lendpoint.api.loanbatch.SettlementKind;
import io.lendpoint.api.rules.CompensationItem;
import io.lendpoint.api.rules.CompensationRuleSet;
import io.lendpoint.api.rules.DamageSeverity;
import io.lendpoint.api.rules.RuleSets;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProjectionFixture;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CompensationLedgerTest {

    private static final CompensationRuleSet STANDARD = RuleSets.bundled().compensation(RuleSets.COMPENSATION_STANDARD);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private CompensationLedger ledger;
    private ProjectionFixture events;

    @BeforeEach
    void start() {
        ledger = new CompensationLedger(store.template("ledger-test"));
        events = new ProjectionFixture(ledger, "LoanBatch");
    }

    private void assess(String batch, String point, String barcode, CompensationItem item) {
        events.deliver(batch, new CompensationAssessed(batch, point, barcode, STANDARD.assess(item)),
                MetaData.emptyInstance());
    }

    @Test
    @DisplayName("§5.4.2 what a point owes, paged across its batches, with the total over all of them")
    void pagedWithTotals() {
        assess("b1", "sp-1", "A1", CompensationItem.damaged(new BigDecimal("30.00"), 2010, DamageSeverity.MINOR)); // 5.00
        assess("b1", "sp-1", "A2", CompensationItem.lost(new BigDecimal("30.00"), 2001)); // 70.00
        assess("b2", "sp-1", "A3", CompensationItem.lost(new BigDecimal("20.00"), 2001)); // 50.00
        assess("b3", "sp-2", "A4", CompensationItem.lost(new BigDecimal("20.00"), 2001)); // another point
        CompensationDue first = ledger.handle(new CompensationDueQuery("sp-1", 0, 2));
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.total()).isEqualByComparingTo("125.00");
        assertThat(first.items()).extracting(CompensationDue.Item::barcode).containsExactly("A1", "A2");
        assertThat(ledger.handle(new CompensationDueQuery("sp-1", 1, 2)).items())
                .extracting(CompensationDue.Item::barcode).containsExactly("A3");
    }

    @Test
    @DisplayName("§5.4.2 settled lines leave the list; a found item's refund is owed back until paid; redelivery changes nothing")
    void settlementFoundAndRefund() {
        assess("b1", "sp-1", "A1", CompensationItem.damaged(new BigDecimal("30.00"), 2010, DamageSeverity.MINOR));
        assess("b1", "sp-1", "A2", CompensationItem.lost(new BigDecimal("30.00"), 2001));
        events.deliver("b1", new CompensationSettled("b1", "sp-1", "A2", SettlementKind.PAID, new BigDecimal("70.00"),
                null), MetaData.emptyInstance());
        events.deliver("b1", new LostItemFound("b1", "sp-1", "A2", DAY, RefundDisposition.REFUND_OWED,
                new BigDecimal("70.00"), new BigDecimal("0.00"), null), MetaData.emptyInstance());
        CompensationDue due = ledger.handle(new CompensationDueQuery("sp-1", 0, 20));
        assertThat(due.items()).extracting(CompensationDue.Item::barcode).containsExactly("A1");
        assertThat(due.total()).isEqualByComparingTo("5.00");
        assertThat(due.refundsOwed()).extracting(CompensationDue.Item::barcode).containsExactly("A2");
        assertThat(due.refundsOwedTotal()).isEqualByComparingTo("70.00");

        events.stream().forEach(events::redeliver);
        assertThat(ledger.handle(new CompensationDueQuery("sp-1", 0, 20))).isEqualTo(due);

        events.deliver("b1", new RefundPaid("b1", "sp-1", "A2", new BigDecimal("70.00"), DAY), MetaData.emptyInstance());
        assertThat(ledger.handle(new CompensationDueQuery("sp-1", 0, 20)).refundsOwedTotal()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("§5.4.2 a found item not yet paid for owes only what the refund leaves")
    void foundBeforePayment() {
        assess("b1", "sp-1", "A2", CompensationItem.lost(new BigDecimal("30.00"), 2001));
        events.deliver("b1", new LostItemFound("b1", "sp-1", "A2", DAY, RefundDisposition.DEDUCTED,
                new BigDecimal("60.00"), new BigDecimal("10.00"), null), MetaData.emptyInstance());
        CompensationDue due = ledger.handle(new CompensationDueQuery("sp-1", 0, 20));
        assertThat(due.total()).isEqualByComparingTo("10.00");
        assertThat(due.refundsOwed()).isEmpty();
    }
}
