package io.lendpoint.query.evaluation;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.operations.RefreshProposal;
import io.lendpoint.api.operations.RefreshProposalQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * §6.2: proposes a refresh exchange for a point from what circulates there, not by a fixed rule. The items not lent
 * once in the window go back; as many are proposed to come, split over the 中图法 main classes by weight:
 * {@value #LOANS_WEIGHT} × the class's share of the window's loans + {@value #DEMAND_WEIGHT} × its share of the
 * point's unmet demand (asked for in batch requests and not accepted, over the last 12 months); with only one of the
 * two known, that one alone; with neither, the classes now at the point evenly. Largest-remainder rounding keeps
 * the total. Every figure is in the answer, so staff can see why.
 */
@Component
class RefreshProposals {

    static final double LOANS_WEIGHT = 0.7;
    static final double DEMAND_WEIGHT = 0.3;

    private final MongoTemplate mongo;

    RefreshProposals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    Optional<RefreshProposal> handle(RefreshProposalQuery query) {
        if (mongo.findById(query.servicePointId(), EvaluatedPoint.class) == null) {
            return Optional.empty();
        }
        LocalDate today = LibraryTime.today(Clock.systemUTC());
        RefreshPlanDocument plan = mongo.findById(query.servicePointId(), RefreshPlanDocument.class);
        LocalDate from = today.minusMonths(query.lookbackMonths()).plusDays(1);
        LocalDate demandFrom = today.minusMonths(12);
        List<Fact> facts = EvaluationDay.of(mongo, query.servicePointId(), from.isBefore(demandFrom) ? from
                : demandFrom, today);
        List<DepositItem> atPoint = PointDeposits.itemsAt(mongo, query.servicePointId()).stream()
                .filter(item -> item.from != null && item.to == null).toList();
        DepositItem.attachLoans(atPoint, facts);
        List<Fact> demand = facts.stream()
                .filter(fact -> fact.kind() == FactKind.DEMAND && !fact.day().isBefore(demandFrom)).toList();
        return Optional.of(propose(query.servicePointId(), plan == null ? null : plan.nextDueOn, from, today,
                atPoint, demand));
    }

    static RefreshProposal propose(String point, LocalDate nextDueOn, LocalDate from, LocalDate to,
                                   List<DepositItem> atPoint, List<Fact> demand) {
        List<RefreshProposal.Item> sendBack = atPoint.stream()
                .filter(item -> item.lentOn.stream().noneMatch(day -> !day.isBefore(from) && !day.isAfter(to)))
                .sorted(Comparator.comparing((DepositItem item) -> item.from).thenComparing(item -> item.barcode))
                .map(item -> new RefreshProposal.Item(item.barcode, item.title, item.category, item.batchId,
                        item.from))
                .toList();
        Map<String, Long> loans = new TreeMap<>();
        Map<String, Long> onDeposit = new TreeMap<>();
        for (DepositItem item : atPoint) {
            String mainClass = mainClass(item.category);
            onDeposit.merge(mainClass, 1L, Long::sum);
            long lent = item.lentOn.stream().filter(day -> !day.isBefore(from) && !day.isAfter(to)).count();
            loans.merge(mainClass, lent, Long::sum);
        }
        Map<String, Long> unmet = new TreeMap<>();
        demand.forEach(fact -> unmet.merge(mainClass(fact.category()), (long) fact.count(), Long::sum));
        long totalLoans = loans.values().stream().mapToLong(Long::longValue).sum();
        long totalUnmet = unmet.values().stream().mapToLong(Long::longValue).sum();
        TreeSet<String> classes = new TreeSet<>(onDeposit.keySet());
        classes.addAll(unmet.keySet());
        List<String> notes = new ArrayList<>();
        double loansWeight = totalLoans > 0 && totalUnmet > 0 ? LOANS_WEIGHT : totalLoans > 0 ? 1 : 0;
        double demandWeight = totalLoans > 0 && totalUnmet > 0 ? DEMAND_WEIGHT : totalUnmet > 0 ? 1 : 0;
        if (totalLoans == 0) {
            notes.add("没有窗口内的借阅记录，按未满足需求分配 / no loans in the window: weighted by unmet demand only");
        }
        if (totalUnmet == 0) {
            notes.add("近 12 个月没有未满足的需求 / no unmet demand in the last 12 months: weighted by loans only");
        }
        if (totalLoans == 0 && totalUnmet == 0) {
            notes.add("既无借阅也无需求数据，在架各类平均分配 / neither: the classes at the point evenly");
        }
        int toSend = sendBack.size();
        List<double[]> shares = new ArrayList<>();
        List<String> order = new ArrayList<>(classes);
        for (String mainClass : order) {
            double loanShare = totalLoans == 0 ? 0 : (double) loans.getOrDefault(mainClass, 0L) / totalLoans;
            double demandShare = totalUnmet == 0 ? 0 : (double) unmet.getOrDefault(mainClass, 0L) / totalUnmet;
            double weight = totalLoans == 0 && totalUnmet == 0
                    ? (onDeposit.containsKey(mainClass) ? 1.0 / onDeposit.size() : 0)
                    : loansWeight * loanShare + demandWeight * demandShare;
            shares.add(new double[]{loanShare, demandShare, weight});
        }
        int[] proposed = largestRemainder(toSend, shares.stream().mapToDouble(share -> share[2]).toArray());
        List<RefreshProposal.CategoryLine> lines = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String mainClass = order.get(i);
            long items = onDeposit.getOrDefault(mainClass, 0L);
            long lent = loans.getOrDefault(mainClass, 0L);
            lines.add(new RefreshProposal.CategoryLine(mainClass, lent, round(shares.get(i)[0]), items,
                    items == 0 ? null : round((double) lent / items), unmet.getOrDefault(mainClass, 0L),
                    round(shares.get(i)[1]), round(shares.get(i)[2]), proposed[i]));
        }
        String method = "send back the items not lent in " + from + "–" + to + " (" + toSend + "); send as many, "
                + "split by weight = " + loansWeight + " × share of loans + " + demandWeight + " × share of unmet "
                + "demand, largest remainder";
        return new RefreshProposal(point, nextDueOn, from, to, atPoint.size(), sendBack, toSend, lines, method, notes);
    }

    /** Splits {@code total} by {@code weights} into whole numbers that add up to it (Hamilton's method). */
    static int[] largestRemainder(int total, double[] weights) {
        double sum = java.util.Arrays.stream(weights).sum();
        int[] shares = new int[weights.length];
        if (sum <= 0 || total == 0) {
            return shares;
        }
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        Integer[] byRemainder = new Integer[weights.length];
        for (int i = 0; i < byRemainder.length; i++) {
            byRemainder[i] = i;
        }
        java.util.Arrays.sort(byRemainder, (a, b) -> Double.compare(remainders[b], remainders[a]) != 0
                ? Double.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
        for (int k = 0; given < total; k++, given++) {
            shares[byRemainder[k % weights.length]]++;
        }
        return shares;
    }

    /** The 中图法 main class: the first letter (T's two-letter classes are kept whole: TP, TU …). */
    static String mainClass(String category) {
        if (category == null || category.isEmpty()) {
            return "?";
        }
        return category.startsWith("T") && category.length() > 1 && Character.isLetter(category.charAt(1))
                ? category.substring(0, 2) : category.substring(0, 1);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
