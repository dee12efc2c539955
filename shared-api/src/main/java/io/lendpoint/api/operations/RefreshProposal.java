package io.lendpoint.api.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * §6.2: a proposed exchange, with the figures behind it. {@code sendBack}: the items at the point not lent once in
 * the window, longest there first; {@code categories}: per 中图法 main class, its loans in the window and their share,
 * the items of it at the point and their loans per item, the unmet demand (asked for in batch requests, not
 * accepted) and its share, the weight that follows and the quantity proposed to send; {@code method} says how.
 */
public record RefreshProposal(String servicePointId, LocalDate nextDueOn, LocalDate windowFrom, LocalDate windowTo,
                              int itemsOnDeposit, List<Item> sendBack, int toSend, List<CategoryLine> categories,
                              String method, List<String> notes) {

    public record Item(String barcode, String title, String category, String batchId, LocalDate onDepositSince) {
    }

    public record CategoryLine(String category, long loans, double loanShare, long itemsOnDeposit,
                               Double loansPerItem, long unmetDemand, double demandShare, double weight,
                               int proposed) {
    }
}
