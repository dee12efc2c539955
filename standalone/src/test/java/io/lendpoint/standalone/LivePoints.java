package io.lendpoint.standalone;

import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.DraftAgreement;
import io.lendpoint.api.agreement.Party;
import io.lendpoint.api.agreement.RuleSetReference;
import io.lendpoint.api.agreement.Side;
import io.lendpoint.api.agreement.SignAgreement;
import io.lendpoint.api.card.CardHolder;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.IssueCollectiveCard;
import io.lendpoint.api.servicepoint.ActivateServicePoint;
import io.lendpoint.api.servicepoint.ApproveServicePoint;
import io.lendpoint.api.servicepoint.CompletePreparationItem;
import io.lendpoint.api.servicepoint.PreparationItem;
import io.lendpoint.api.servicepoint.ConditionFinding;
import io.lendpoint.api.servicepoint.InspectSite;
import io.lendpoint.api.servicepoint.SampleApplications;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import java.time.ZoneId;

/** Brings service points through §4.1–§4.2.3 with real commands, for tests that start from a live point. */
public final class LivePoints {

    static final CardHolder HOLDER = new CardHolder("李小明", "11010519491231002X", "13912345678");
    static final AgreementTerms TERMS = AgreementTerms.standard(new RuleSetReference("fines-standard", 1),
            new RuleSetReference("compensation-standard", 1));

    private LivePoints() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static void approve(CommandGateway commands, String servicePointId) {
        ConditionFinding met = new ConditionFinding(true, null);
        commands.sendAndWait(SampleApplications.apply(servicePointId));
        commands.sendAndWait(new InspectSite(servicePointId, today(), "王馆员", met, met, met, null));
        commands.sendAndWait(new ApproveServicePoint(servicePointId, null));
    }

    static void agreementInForce(CommandGateway commands, String servicePointId) {
        String agreementId = AgreementIds.forServicePoint(servicePointId);
        commands.sendAndWait(new DraftAgreement(agreementId, servicePointId, TERMS,
                new Party("佛山市图书馆", "王馆员", null), new Party("佛山市禅城区第一小学", "李老师", null)));
        commands.sendAndWait(new SignAgreement(agreementId, Side.LIBRARY, "王馆员", today()));
        commands.sendAndWait(new SignAgreement(agreementId, Side.SERVICE_POINT, "李老师", today()));
    }

    static void cardIssued(CommandGateway commands, String servicePointId) {
        commands.sendAndWait(new IssueCollectiveCard(CardIds.forServicePoint(servicePointId), servicePointId,
                "JT-" + Math.abs(servicePointId.hashCode()), HOLDER));
    }

    static void live(CommandGateway commands, String servicePointId) {
        approve(commands, servicePointId);
        agreementInForce(commands, servicePointId);
        cardIssued(commands, servicePointId);
    }

    /** §4.3: preparation completed and activated (the activation policy would do it too; activation is idempotent). */
    public static void activated(CommandGateway commands, String servicePointId) {
        live(commands, servicePointId);
        for (PreparationItem item : PreparationItem.values()) {
            commands.sendAndWait(new CompletePreparationItem(servicePointId, item, today(), null));
        }
        commands.sendAndWait(new ActivateServicePoint(servicePointId));
    }

    /** §5.1–§5.2: a batch of the given items of class I requested, accepted, picked, packed, shipped and received today. */
    public static void receivedBatch(CommandGateway commands, String servicePointId, String batchId, String... barcodes) {
        LocalDate today = today();
        java.util.List<io.lendpoint.api.loanbatch.ItemDescription> items = java.util.Arrays.stream(barcodes)
                .map(barcode -> new io.lendpoint.api.loanbatch.ItemDescription(barcode, "书 " + barcode, null, "I247",
                        new java.math.BigDecimal("30.00"), 2015))
                .toList();
        commands.sendAndWait(new io.lendpoint.api.loanbatch.RequestBatch(batchId, servicePointId,
                java.util.List.of(new io.lendpoint.api.loanbatch.CategoryQuantity("I", barcodes.length)), today,
                "图书室", null, null));
        commands.sendAndWait(new io.lendpoint.api.loanbatch.AcceptBatch(batchId, null, null));
        commands.sendAndWait(new io.lendpoint.api.loanbatch.PickItems(batchId, items));
        commands.sendAndWait(new io.lendpoint.api.loanbatch.PackBatch(batchId,
                java.util.List.of(new io.lendpoint.api.loanbatch.Box("箱1", barcodes.length))));
        commands.sendAndWait(new io.lendpoint.api.loanbatch.ShipBatch(batchId, "市馆物流", null, today));
        commands.sendAndWait(new io.lendpoint.api.loanbatch.ConfirmReceipt(batchId, servicePointId, today, "王馆员",
                "李老师", java.util.List.of(barcodes), java.util.List.of()));
    }
}
