package io.lendpoint.query.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

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
        long loans = 0, renewals = 0, sessions = 0, onSiteReaders = 0, returned = 0, onTime = 0, inspected = 0;
        long damaged = 0, lost = 0, scores = 0, scoreSum = 0, satisfied = 0, held = 0, participants = 0;
        long answered = 0, minutes = 0, inTime = 0, refreshes = 0, refreshesOnTime = 0;
        long[] distribution = new long[5];
        Set<String> borrowers = new HashSet<>();
        for (Fact fact : facts) {
            if (fact.day().isBefore(from) || fact.day().isAfter(to)) {
                continue;
            }
            switch (fact.kind()) {
                case LOAN -> {
                    loans += fact.count();
                    borrowers.add(fact.reader());
                }
                case RENEWAL -> renewals += fact.count();
                case ON_SITE_READING -> {
                    sessions += fact.count();
                    onSiteReaders += fact.value();
                }
                case RETURN -> {
                    returned += fact.count();
                    onTime += fact.good();
                }
                case INSPECTION -> {
                    inspected += fact.count();
                    damaged += fact.value() == 1 ? 1 : 0;
                    lost += fact.value() == 2 ? 1 : 0;
                }
                case SATISFACTION -> {
                    scores++;
                    scoreSum += fact.value();
                    satisfied += fact.good();
                    distribution[(int) fact.value() - 1]++;
                }
                case ACTIVITY -> {
                    held++;
                    participants += fact.value();
                }
                case CONSULTATION -> {
                    answered++;
                    minutes += fact.value();
                    inTime += fact.good();
                }
                case REFRESH -> {
                    refreshes++;
                    refreshesOnTime += fact.good();
                }
                case DEMAND -> {
                    // what points asked for and did not get: for refresh proposals, not a metric
                }
            }
        }
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
            boolean used = item.lentOn.stream().anyMatch(day -> !day.isBefore(from) && !day.isAfter(to));
            notUsed += used ? 0 : 1;
        }
        return new PeriodFacts(from, to, ChronoUnit.DAYS.between(from, to) + 1, loans, renewals, borrowers.size(),
                sessions, onSiteReaders, returned, onTime, inspected, damaged, lost, scores, scoreSum, satisfied,
                distribution, held, participants, answered, minutes, inTime, onDeposit, itemDays, notUsed, refreshes,
                refreshesOnTime);
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
