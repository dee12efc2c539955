package io.lendpoint.query.evaluation;

import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * §7.1: what a point's facts of some days add up to — the sums every metric counts, and the sets a count of distinct
 * things needs (who borrowed, for "borrowers"; which items were lent, for "not used"), so that tallies of parts of a
 * period (a month each) add up to the period's: sums by adding, sets by their union. {@link PeriodFacts} adds a
 * period's tally to its deposit.
 */
final class Tally {

    /** The sums, by name in the order stored. */
    enum Sum {
        LOANS, RENEWALS, ON_SITE_SESSIONS, ON_SITE_READERS, RETURNED, RETURNED_ON_TIME, INSPECTED, DAMAGED, LOST,
        SCORES, SCORE_SUM, SATISFIED, SCORED_1, SCORED_2, SCORED_3, SCORED_4, SCORED_5, ACTIVITIES_HELD,
        PARTICIPANTS, ANSWERED, RESPONSE_MINUTES, ANSWERED_IN_TIME, REFRESHES, REFRESHES_ON_TIME
    }

    private final long[] sums = new long[Sum.values().length];
    /** the pseudonymous numbers of the readers who borrowed */
    private final Set<String> readers = new HashSet<>();
    /** the items lent ({@code batchId/barcode}) */
    private final Set<String> lent = new HashSet<>();

    /** The tally of the facts from {@code from} to {@code to}, inclusive, of {@code facts}. */
    static Tally of(LocalDate from, LocalDate to, Collection<Fact> facts) {
        Tally tally = new Tally();
        for (Fact fact : facts) {
            if (!fact.day().isBefore(from) && !fact.day().isAfter(to)) {
                tally.add(fact);
            }
        }
        return tally;
    }

    long get(Sum sum) {
        return sums[sum.ordinal()];
    }

    long borrowers() {
        return readers.size();
    }

    boolean lent(String item) {
        return lent.contains(item);
    }

    /** The five scores' counts, 1 to 5. */
    long[] distribution() {
        return new long[] {get(Sum.SCORED_1), get(Sum.SCORED_2), get(Sum.SCORED_3), get(Sum.SCORED_4),
                get(Sum.SCORED_5)};
    }

    private void add(Sum sum, long value) {
        sums[sum.ordinal()] += value;
    }

    void add(Fact fact) {
        switch (fact.kind()) {
            case LOAN -> {
                add(Sum.LOANS, fact.count());
                readers.add(fact.reader());
                if (fact.item() != null) {
                    lent.add(fact.item());
                }
            }
            case RENEWAL -> add(Sum.RENEWALS, fact.count());
            case ON_SITE_READING -> {
                add(Sum.ON_SITE_SESSIONS, fact.count());
                add(Sum.ON_SITE_READERS, fact.value());
            }
            case RETURN -> {
                add(Sum.RETURNED, fact.count());
                add(Sum.RETURNED_ON_TIME, fact.good());
            }
            case INSPECTION -> {
                add(Sum.INSPECTED, fact.count());
                add(Sum.DAMAGED, fact.value() == 1 ? 1 : 0);
                add(Sum.LOST, fact.value() == 2 ? 1 : 0);
            }
            case SATISFACTION -> {
                add(Sum.SCORES, 1);
                add(Sum.SCORE_SUM, fact.value());
                add(Sum.SATISFIED, fact.good());
                add(scored(fact.value()), 1);
            }
            case ACTIVITY -> {
                add(Sum.ACTIVITIES_HELD, 1);
                add(Sum.PARTICIPANTS, fact.value());
            }
            case CONSULTATION -> {
                add(Sum.ANSWERED, 1);
                add(Sum.RESPONSE_MINUTES, fact.value());
                add(Sum.ANSWERED_IN_TIME, fact.good());
            }
            case REFRESH -> {
                add(Sum.REFRESHES, 1);
                add(Sum.REFRESHES_ON_TIME, fact.good());
            }
            case DEMAND -> {
                // what points asked for and did not get: for refresh proposals, not a metric
            }
        }
    }

    private static Sum scored(long score) {
        return switch ((int) score) {
            case 1 -> Sum.SCORED_1;
            case 2 -> Sum.SCORED_2;
            case 3 -> Sum.SCORED_3;
            case 4 -> Sum.SCORED_4;
            case 5 -> Sum.SCORED_5;
            default -> throw new IllegalArgumentException("a satisfaction score is 1 to 5, not " + score);
        };
    }

    /** Adds another part's tally: its sums added, its sets joined. */
    Tally add(Tally other) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        readers.addAll(other.readers);
        lent.addAll(other.lent);
        return this;
    }

    /** As kept: every sum by its name, the readers as a list, the items lent by batch (the key up to its slash). */
    Document written() {
        Document written = new Document();
        for (Sum sum : Sum.values()) {
            written.append(sum.name(), get(sum));
        }
        Map<String, List<String>> byBatch = new TreeMap<>();
        for (String item : lent) {
            int slash = item.indexOf('/');
            byBatch.computeIfAbsent(item.substring(0, slash + 1), unused -> new ArrayList<>())
                    .add(item.substring(slash + 1));
        }
        List<Document> lentByBatch = new ArrayList<>();
        byBatch.forEach((batch, barcodes) -> lentByBatch.add(new Document("batch", batch).append("items", barcodes)));
        return written.append("readers", new ArrayList<>(readers)).append("lent", lentByBatch);
    }

    /** A tally as {@link #written}, or null when kept in another shape (computed again then). */
    static Tally read(Document kept) {
        if (kept == null || !(kept.get("readers") instanceof List<?> readers)
                || !(kept.get("lent") instanceof List<?> lent)) {
            return null;
        }
        Tally tally = new Tally();
        for (Sum sum : Sum.values()) {
            if (!(kept.get(sum.name()) instanceof Number value)) {
                return null;
            }
            tally.sums[sum.ordinal()] = value.longValue();
        }
        readers.forEach(reader -> tally.readers.add((String) reader));
        for (Object batch : lent) {
            if (!(batch instanceof Document items) || !(items.get("batch") instanceof String prefix)
                    || !(items.get("items") instanceof List<?> barcodes)) {
                return null;
            }
            barcodes.forEach(barcode -> tally.lent.add(prefix + barcode));
        }
        return tally;
    }
}
