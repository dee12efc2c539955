package io.lendpoint.query.evaluation;

import io.lendpoint.api.operations.RefreshProposal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshProposalsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 6, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);

    private static DepositItem item(String barcode, String category, LocalDate since, LocalDate... lentOn) {
        DepositItem item = new DepositItem();
        item.batchId = "b1";
        item.barcode = barcode;
        item.title = "书 " + barcode;
        item.category = category;
        item.from = since;
        item.lentOn.addAll(List.of(lentOn));
        return item;
    }

    @Test
    @DisplayName("§6.2 unused items go back; as many come, split 0.7 × share of loans + 0.3 × share of unmet demand")
    void proposal() {
        LocalDate lent = LocalDate.of(2026, 9, 1);
        List<DepositItem> atPoint = new ArrayList<>();
        // class I: 6 items, 3 of them lent (9 loans); class K: 4 items, none lent; class TP: 2 items, 1 lent once
        for (int i = 0; i < 6; i++) {
            atPoint.add(i < 3 ? item("I" + i, "I247", LocalDate.of(2026, 3, 1), lent, lent.plusDays(10), lent.plusDays(20))
                    : item("I" + i, "I247", LocalDate.of(2026, 3, 1)));
        }
        for (int i = 0; i < 4; i++) {
            atPoint.add(item("K" + i, "K25", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 5))); // lent before the window
        }
        atPoint.add(item("T0", "TP31", LocalDate.of(2026, 3, 1), lent));
        atPoint.add(item("T1", "TP31", LocalDate.of(2026, 3, 1)));
        // unmet demand: Z 30 and I 10 (of 40)
        List<Fact> demand = List.of(new Fact("d1", FactKind.DEMAND, "sp-1", LocalDate.of(2026, 5, 1), 30, 0, 0, null, "Z", null),
                new Fact("d2", FactKind.DEMAND, "sp-1", LocalDate.of(2026, 5, 1), 10, 0, 0, null, "I", null));

        RefreshProposal proposal = RefreshProposals.propose("sp-1", LocalDate.of(2026, 12, 1), FROM, TO, atPoint, demand);

        // K0–K3 have been there longest, then I3–I5 and T1: 8 items back, 8 to send
        assertThat(proposal.sendBack()).extracting(RefreshProposal.Item::barcode)
                .containsExactly("K0", "K1", "K2", "K3", "I3", "I4", "I5", "T1");
        assertThat(proposal.toSend()).isEqualTo(8);
        // loans: I 9 of 10 (0.9), TP 1 (0.1), K 0; demand: Z 0.75, I 0.25
        // weights: I 0.7×0.9 + 0.3×0.25 = 0.705; K 0; TP 0.07; Z 0.225 → 8 × … = 5.64, 0, 0.56, 1.8:
        // floors 5, 0, 0, 1 and the two left go to the largest remainders, Z (0.8) and I (0.64) → 6, 0, 0, 2
        assertThat(proposal.categories()).extracting(RefreshProposal.CategoryLine::category)
                .containsExactly("I", "K", "TP", "Z");
        assertThat(proposal.categories()).extracting(RefreshProposal.CategoryLine::weight)
                .containsExactly(0.705, 0.0, 0.07, 0.225);
        assertThat(proposal.categories()).extracting(RefreshProposal.CategoryLine::proposed).containsExactly(6, 0, 0, 2);
        assertThat(proposal.categories().get(0).loansPerItem()).isEqualTo(1.5);
        assertThat(proposal.categories().get(3).itemsOnDeposit()).isZero();
    }

    @Test
    @DisplayName("§6.2 with no loans and no demand the classes at the point share evenly; nothing unused, nothing to send")
    void fallbacks() {
        RefreshProposal even = RefreshProposals.propose("sp-1", null, FROM, TO,
                List.of(item("A", "I", FROM), item("B", "K", FROM)), List.of());
        assertThat(even.toSend()).isEqualTo(2);
        assertThat(even.categories()).extracting(RefreshProposal.CategoryLine::proposed).containsExactly(1, 1);
        assertThat(even.notes()).hasSize(3);
        RefreshProposal busy = RefreshProposals.propose("sp-1", null, FROM, TO,
                List.of(item("A", "I", FROM, TO)), List.of());
        assertThat(busy.sendBack()).isEmpty();
        assertThat(busy.categories()).extracting(RefreshProposal.CategoryLine::proposed).containsExactly(0);
    }

    @Test
    @DisplayName("largest remainder keeps the total: 10 by 1/3 each is 4, 3, 3")
    void largestRemainder() {
        assertThat(RefreshProposals.largestRemainder(10, new double[]{1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(RefreshProposals.largestRemainder(5, new double[]{0, 0})).containsExactly(0, 0);
    }
}
