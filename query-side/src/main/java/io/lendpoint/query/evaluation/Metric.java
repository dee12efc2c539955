package io.lendpoint.query.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * §7.1: the evaluation metrics, each named and versioned with the formula it follows (ISO 11620 / GB/T 29182 indicator
 * shapes, ISO 2789 counting terms; definitions in docs/analytics.md). A metric is computed from a period's raw
 * counts; when its denominator is zero it is not applicable, with the reason, never a division by zero. Changing a
 * formula means a new version.
 */
enum Metric {

    SATISFACTION_MEAN("satisfaction.mean", 1, "读者满意度（均值）", "reader satisfaction (mean)",
            "sum of satisfaction scores ÷ number of scores (5-point scale)", "score 1–5", Scoring.NONE,
            (f, p) -> ratio(f.scoreSum(), f.scores(), "no satisfaction score in the period",
                    counts("scores", f.scores(), "scoreSum", f.scoreSum(), "score1", f.distribution()[0],
                            "score2", f.distribution()[1], "score3", f.distribution()[2], "score4", f.distribution()[3],
                            "score5", f.distribution()[4]))),
    SATISFIED_SHARE("satisfaction.satisfied-share", 1, "读者满意率", "satisfied share",
            "scores of 4 or 5 ÷ number of scores", "share", Scoring.SHARE,
            (f, p) -> ratio(f.satisfied(), f.scores(), "no satisfaction score in the period",
                    counts("satisfied", f.satisfied(), "scores", f.scores()))),
    TURNOVER("collection.turnover", 1, "文献利用率（流通率）", "collection turnover",
            "in-point loans ÷ average items on deposit (item-days on deposit ÷ days in the period); renewals not "
                    + "counted", "loans per item", Scoring.TURNOVER,
            (f, p) -> f.itemDaysOnDeposit() == 0 ? Outcome.notApplicable("no items on deposit in the period",
                    counts("loans", f.loans(), "itemDaysOnDeposit", f.itemDaysOnDeposit(), "days", f.days()))
                    : new Outcome(f.loans() / f.averageOnDeposit(), null, counts("loans", f.loans(),
                    "itemDaysOnDeposit", f.itemDaysOnDeposit(), "days", f.days()))),
    NOT_USED_SHARE("collection.not-used-share", 1, "未利用馆藏比例", "share of stock not used",
            "items on deposit in the period with no loan in it ÷ items on deposit in the period", "share",
            Scoring.INVERSE_SHARE,
            (f, p) -> ratio(f.itemsNotUsed(), f.itemsOnDeposit(), "no items on deposit in the period",
                    counts("itemsNotUsed", f.itemsNotUsed(), "itemsOnDeposit", f.itemsOnDeposit()))),
    LOANS_PER_READER("loans.per-active-reader", 1, "人均借阅量（活跃读者）", "loans per active reader",
            "in-point loans ÷ distinct borrowers in the period", "loans per reader", Scoring.NONE,
            (f, p) -> ratio(f.loans(), f.borrowers(), "no reader borrowed in the period",
                    counts("loans", f.loans(), "borrowers", f.borrowers(), "renewals", f.renewals(),
                            "onSiteSessions", f.onSiteSessions(), "onSiteReaders", f.onSiteReaders()))),
    ACTIVITIES_HELD("activities.held", 1, "活动场次", "activities held", "activities held in the period",
            "activities", Scoring.NONE,
            (f, p) -> new Outcome((double) f.activitiesHeld(), null, counts("activitiesHeld", f.activitiesHeld()))),
    PARTICIPATION("activities.participants-per-reader", 1, "活动参与度", "activity participation per capita",
            "activity participants in the period ÷ population served (expected readers of the borrowing plan)",
            "participants per reader", Scoring.PARTICIPATION,
            (f, p) -> ratio(f.participants(), p.populationServed(), "the point has no population served on record",
                    counts("participants", f.participants(), "activitiesHeld", f.activitiesHeld(),
                            "populationServed", p.populationServed()))),
    ON_TIME_RETURNS("returns.on-time-rate", 1, "按时归还率", "on-time return rate",
            "items returned to the library by their batch's due date ÷ items returned in the period", "share",
            Scoring.SHARE,
            (f, p) -> ratio(f.returnedOnTime(), f.returned(), "no items returned in the period",
                    counts("returnedOnTime", f.returnedOnTime(), "returned", f.returned()))),
    DAMAGE_LOSS("inspection.damage-loss-rate", 1, "损坏丢失率", "damage and loss rate",
            "(items inspected as damaged + as lost) ÷ items inspected in the period", "share", Scoring.INVERSE_SHARE,
            (f, p) -> ratio(f.damaged() + f.lost(), f.inspected(), "no items inspected in the period",
                    counts("damaged", f.damaged(), "lost", f.lost(), "inspected", f.inspected()))),
    RESPONSE_MINUTES("consultation.mean-response-minutes", 1, "咨询平均响应时间", "mean consultation response time",
            "sum of response minutes ÷ consultations answered in the period", "minutes", Scoring.NONE,
            (f, p) -> ratio(f.responseMinutes(), f.answered(), "no consultation answered in the period",
                    counts("responseMinutes", f.responseMinutes(), "answered", f.answered()))),
    RESPONSE_IN_TIME("consultation.within-service-level-share", 1, "咨询按时答复率", "consultations answered in time",
            "consultations answered within the service level ÷ consultations answered in the period", "share",
            Scoring.SHARE,
            (f, p) -> ratio(f.answeredInTime(), f.answered(), "no consultation answered in the period",
                    counts("answeredInTime", f.answeredInTime(), "answered", f.answered()))),
    REFRESH_PUNCTUALITY("refresh.punctuality", 1, "文献更新及时率", "refresh punctuality",
            "refreshes due in the period and carried out within the grace days ÷ refreshes due in the period that "
                    + "were carried out or missed", "share", Scoring.SHARE,
            (f, p) -> ratio(f.refreshesOnTime(), f.refreshes(), "no refresh was due (and settled) in the period",
                    counts("onTime", f.refreshesOnTime(), "refreshes", f.refreshes())));

    /** How a metric's value maps to a 0–1 score for the composite. */
    enum Scoring {
        /** not part of the composite */
        NONE,
        /** a share where more is better */
        SHARE,
        /** a share where less is better: 1 − value */
        INVERSE_SHARE,
        /** value ÷ the turnover target for a period of this length, at most 1 */
        TURNOVER,
        /** value ÷ the participation target for a period of this length, at most 1 */
        PARTICIPATION
    }

    /** A computed value with its raw counts, or why there is none. */
    record Outcome(Double value, String notApplicable, Map<String, Long> counts) {

        static Outcome notApplicable(String why, Map<String, Long> counts) {
            return new Outcome(null, why, counts);
        }
    }

    final String code;
    final int version;
    final String nameZh;
    final String nameEn;
    final String formula;
    final String unit;
    final Scoring scoring;
    private final BiFunction<PeriodFacts, EvaluatedPoint, Outcome> compute;

    Metric(String code, int version, String nameZh, String nameEn, String formula, String unit, Scoring scoring,
           BiFunction<PeriodFacts, EvaluatedPoint, Outcome> compute) {
        this.code = code;
        this.version = version;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.formula = formula;
        this.unit = unit;
        this.scoring = scoring;
        this.compute = compute;
    }

    Outcome compute(PeriodFacts facts, EvaluatedPoint point) {
        return compute.apply(facts, point);
    }

    /** The 0–1 score of a value, or null when the metric is not scored or has no value. */
    Double score(Double value, long periodDays, EvaluationPolicy policy) {
        if (value == null) {
            return null;
        }
        double years = periodDays / 365.0;
        return switch (scoring) {
            case NONE -> null;
            case SHARE -> value;
            case INVERSE_SHARE -> 1 - value;
            case TURNOVER -> Math.min(1, value / (policy.turnoverTargetPerYear() * years));
            case PARTICIPATION -> Math.min(1, value / (policy.participationTargetPerYear() * years));
        };
    }

    private static Outcome ratio(long numerator, long denominator, String whyNot, Map<String, Long> counts) {
        return denominator == 0 ? Outcome.notApplicable(whyNot, counts)
                : new Outcome((double) numerator / denominator, null, counts);
    }

    private static Map<String, Long> counts(Object... pairs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return counts;
    }
}
