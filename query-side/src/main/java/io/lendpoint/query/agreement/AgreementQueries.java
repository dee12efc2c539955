package io.lendpoint.query.agreement;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.agreement.AgreementDetail;
import io.lendpoint.api.agreement.AgreementDetailQuery;
import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AgreementTermsOnDateQuery;
import io.lendpoint.api.agreement.ExpiringAgreements;
import io.lendpoint.api.agreement.ExpiringAgreementsQuery;
import io.lendpoint.api.agreement.ReturnPeriodAgreements;
import io.lendpoint.api.agreement.ReturnPeriodAgreementsQuery;
import io.lendpoint.api.agreement.SetupDashboard;
import io.lendpoint.api.agreement.SetupDashboardQuery;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers agreement queries from the {@code agreements} projection. "Today" is the date in Asia/Shanghai
 * ({@link LibraryTime}) on the application's {@link Clock} (the system clock unless a Clock bean exists).
 */
@Component
class AgreementQueries {

    /** The collection of the card feature, read by name only for the dashboard's counts (features stay apart). */
    static final String CARD_COLLECTION = "collective_cards";

    private final MongoTemplate mongo;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final PersonalDataVault vault;

    /** The vault is looked up on first use ({@code @Lazy}), so this side starts even where none is configured yet. */
    @Autowired
    AgreementQueries(MongoTemplate mongo, WorkingDays workingDays, ObjectProvider<Clock> clock,
                     @Lazy PersonalDataVault vault) {
        this(mongo, workingDays, clock.getIfAvailable(Clock::systemUTC), vault);
    }

    AgreementQueries(MongoTemplate mongo, WorkingDays workingDays, Clock clock, PersonalDataVault vault) {
        this.mongo = mongo;
        this.workingDays = workingDays;
        this.clock = clock;
        this.vault = vault;
    }

    @QueryHandler
    Optional<AgreementDetail> handle(AgreementDetailQuery query) {
        LocalDate today = LibraryTime.today(clock);
        return find(query.servicePointId()).map(agreement -> agreement.toDetail(today,
                phone -> vault.revealOrErased(phone)));
    }

    /** A.5: the terms in force on a date (today when none is given). */
    @QueryHandler
    Optional<AgreementTerms> handle(AgreementTermsOnDateQuery query) {
        LocalDate date = query.date() == null ? LibraryTime.today(clock) : query.date();
        return find(query.servicePointId()).flatMap(agreement -> agreement.termsOn(date));
    }

    /** A.4: agreements in force whose validity ends within the next {@code withinDays} days (today included). */
    @QueryHandler
    ExpiringAgreements handle(ExpiringAgreementsQuery query) {
        LocalDate today = LibraryTime.today(clock);
        List<ExpiringAgreements.ExpiringAgreement> items = withStatus(AgreementStatus.IN_FORCE).stream()
                .filter(agreement -> agreement.validUntil != null)
                .filter(agreement -> expiresWithin(agreement, today, query.withinDays()))
                .map(agreement -> new ExpiringAgreements.ExpiringAgreement(agreement.id, agreement.servicePointId,
                        agreement.contractNumber, agreement.validUntil, agreement.daysToExpiry(today),
                        agreement.objection != null, agreement.objection == null ? null : agreement.objection.side()))
                .sorted(Comparator.comparing(ExpiringAgreements.ExpiringAgreement::validUntil)
                        .thenComparing(ExpiringAgreements.ExpiringAgreement::servicePointId))
                .toList();
        return new ExpiringAgreements(query.withinDays(), today, items);
    }

    /** A.3: ended agreements whose books are (or were) due back, with the working days left. */
    @QueryHandler
    ReturnPeriodAgreements handle(ReturnPeriodAgreementsQuery query) {
        LocalDate today = LibraryTime.today(clock);
        List<AgreementDocument> ended = new ArrayList<>(withStatus(AgreementStatus.RETURN_PERIOD));
        ended.addAll(withStatus(AgreementStatus.RETURN_OVERDUE));
        List<ReturnPeriodAgreements.ReturnPeriodAgreement> items = ended.stream()
                .filter(agreement -> agreement.termination != null && agreement.termination.returnDeadline() != null)
                .map(agreement -> new ReturnPeriodAgreements.ReturnPeriodAgreement(agreement.id,
                        agreement.servicePointId, agreement.contractNumber, agreement.status,
                        agreement.termination.reason(), agreement.termination.terminatedOn(),
                        agreement.termination.returnDeadline(),
                        workingDays.workingDaysLeft(today, agreement.termination.returnDeadline()),
                        agreement.termination.itemsOutstanding()))
                .sorted(Comparator.comparing(ReturnPeriodAgreements.ReturnPeriodAgreement::returnDeadline)
                        .thenComparing(ReturnPeriodAgreements.ReturnPeriodAgreement::servicePointId))
                .toList();
        return new ReturnPeriodAgreements(today, items);
    }

    /** Counts over both setup collections; reads only the fields it counts. */
    @QueryHandler
    SetupDashboard handle(SetupDashboardQuery query) {
        LocalDate today = LibraryTime.today(clock);
        Map<AgreementStatus, Long> agreements = new EnumMap<>(AgreementStatus.class);
        long within30 = 0;
        long within60 = 0;
        long within90 = 0;
        Query agreementFields = new Query();
        agreementFields.fields().include("status", "validUntil");
        for (AgreementDocument agreement : mongo.find(agreementFields, AgreementDocument.class)) {
            if (agreement.status == null) {
                continue;
            }
            agreements.merge(agreement.status, 1L, Long::sum);
            if (agreement.status == AgreementStatus.IN_FORCE && agreement.validUntil != null) {
                within30 += expiresWithin(agreement, today, 30) ? 1 : 0;
                within60 += expiresWithin(agreement, today, 60) ? 1 : 0;
                within90 += expiresWithin(agreement, today, 90) ? 1 : 0;
            }
        }
        Map<CardStatus, Long> cards = new EnumMap<>(CardStatus.class);
        Query cardFields = new Query();
        cardFields.fields().include("status");
        for (Document card : mongo.find(cardFields, Document.class, CARD_COLLECTION)) {
            String statusName = card.getString("status");
            if (statusName != null) {
                cards.merge(CardStatus.valueOf(statusName), 1L, Long::sum);
            }
        }
        return new SetupDashboard(today, agreements, cards, within30, within60, within90,
                agreements.getOrDefault(AgreementStatus.RETURN_PERIOD, 0L),
                agreements.getOrDefault(AgreementStatus.RETURN_OVERDUE, 0L));
    }

    private Optional<AgreementDocument> find(String servicePointId) {
        return Optional.ofNullable(mongo.findById(AgreementIds.forServicePoint(servicePointId),
                AgreementDocument.class));
    }

    /** An exact match on the indexed status, the only shape mongo-java-server answers from an index. */
    private List<AgreementDocument> withStatus(AgreementStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status)), AgreementDocument.class);
    }

    private static boolean expiresWithin(AgreementDocument agreement, LocalDate today, int withinDays) {
        return !agreement.validUntil.isBefore(today) && !agreement.validUntil.isAfter(today.plusDays(withinDays));
    }
}
