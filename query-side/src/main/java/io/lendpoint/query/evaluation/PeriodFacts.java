package io.lendpoint.query.evaluation;

import io.lendpoint.query.evaluation.Tally.Sum;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The raw counts of one point over one period (inclusive), summed from its facts and deposit items: what every §7.1
 * metric is computed from, so that a ratio can always be checked against its counts.
 */
record PeriodFacts(LocalDate from, LocalDate to, long days, long loans, long renewals, long borrowers,
                   long onSiteSessions, long onSiteReaders, long returned, long returnedOnTime, long inspected,
                   long damaged, long lost, long scores, long scoreSum, long satisfied, long[] distribution,
                   long activitiesHeld, long participants, long answered, long responseMinutes, long answeredInTime,
                   long itemsOnDeposit, long itemDaysOnDeposit, long itemsNotUsed, long refreshes,
                   long refreshesOnTime) {

    /**
     * How {@link #of} counts, by version: raise it with any change to what it counts, so that counts kept by an
     * earlier version ({@link KeptCounts}) are computed again rather than served.
     */
    static final int COUNTED_BY = 1;

    static PeriodFacts of(LocalDate from, LocalDate to, Collection<Fact> facts, Collection<DepositItem> deposit) {
        return of(from, to, Tally.of(from, to, facts), deposit);
    }

    /**
     * The period's counts from the tally of its facts and the point's deposit: an item is used in the period when
     * the tally lent it (a loan fact of the period names the item).
     */
    static PeriodFacts of(LocalDate from, LocalDate to, Tally tally, Collection<DepositItem> deposit) {
        long onDeposit = 0, itemDays = 0, notUsed = 0;
        for (DepositItem item : deposit) {
            if (item.from == null) {
                continue; // shipped, not (or not yet) received
            }
            LocalDate start = item.from.isAfter(from) ? item.from : from;
            LocalDate end = item.to == null || item.to.isAfter(to) ? to : item.to;
            if (end.isBefore(start)) {
                continue; // not at the point during the period
            }
            onDeposit++;
            itemDays += ChronoUnit.DAYS.between(start, end) + 1;
            notUsed += tally.lent(item.key()) ? 0 : 1;
        }
        return new PeriodFacts(from, to, ChronoUnit.DAYS.between(from, to) + 1, tally.get(Sum.LOANS),
                tally.get(Sum.RENEWALS), tally.borrowers(), tally.get(Sum.ON_SITE_SESSIONS),
                tally.get(Sum.ON_SITE_READERS), tally.get(Sum.RETURNED), tally.get(Sum.RETURNED_ON_TIME),
                tally.get(Sum.INSPECTED), tally.get(Sum.DAMAGED), tally.get(Sum.LOST), tally.get(Sum.SCORES),
                tally.get(Sum.SCORE_SUM), tally.get(Sum.SATISFIED), tally.distribution(),
                tally.get(Sum.ACTIVITIES_HELD), tally.get(Sum.PARTICIPANTS), tally.get(Sum.ANSWERED),
                tally.get(Sum.RESPONSE_MINUTES), tally.get(Sum.ANSWERED_IN_TIME), onDeposit, itemDays, notUsed,
                tally.get(Sum.REFRESHES), tally.get(Sum.REFRESHES_ON_TIME));
    }

    /** Two points' counts over the same period as one area's; readers are counted at their own point. */
    PeriodFacts plus(PeriodFacts other) {
        long[] sum = new long[distribution.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = distribution[i] + other.distribution[i];
        }
        return new PeriodFacts(from, to, days, loans + other.loans, renewals + other.renewals,
                borrowers + other.borrowers, onSiteSessions + other.onSiteSessions,
                onSiteReaders + other.onSiteReaders, returned + other.returned,
                returnedOnTime + other.returnedOnTime, inspected + other.inspected, damaged + other.damaged,
                lost + other.lost, scores + other.scores, scoreSum + other.scoreSum, satisfied + other.satisfied, sum,
                activitiesHeld + other.activitiesHeld, participants + other.participants, answered + other.answered,
                responseMinutes + other.responseMinutes, answeredInTime + other.answeredInTime,
                itemsOnDeposit + other.itemsOnDeposit, itemDaysOnDeposit + other.itemDaysOnDeposit,
                itemsNotUsed + other.itemsNotUsed, refreshes + other.refreshes,
                refreshesOnTime + other.refreshesOnTime);
    }

    /** The average number of items on deposit over the period (item-days ÷ days). */
    double averageOnDeposit() {
        return (double) itemDaysOnDeposit / days;
    }
}
