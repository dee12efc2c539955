package io.lendpoint.standalone.demo;

import io.lendpoint.api.LibraryTime;
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
import io.lendpoint.api.loanbatch.AcceptBatch;
import io.lendpoint.api.loanbatch.Box;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.ConfirmReceipt;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.LendItems;
import io.lendpoint.api.loanbatch.PackBatch;
import io.lendpoint.api.loanbatch.PickItems;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.api.loanbatch.ShipBatch;
import io.lendpoint.api.operations.ActivityKind;
import io.lendpoint.api.operations.AnswerQuestion;
import io.lendpoint.api.operations.ApproveActivity;
import io.lendpoint.api.operations.AskQuestion;
import io.lendpoint.api.operations.ConsultationChannel;
import io.lendpoint.api.operations.FeedbackChannel;
import io.lendpoint.api.operations.ProposeActivity;
import io.lendpoint.api.operations.RecordActivityHeld;
import io.lendpoint.api.operations.RecordFeedback;
import io.lendpoint.api.operations.RefreshPlanIds;
import io.lendpoint.api.operations.SetRefreshSchedule;
import io.lendpoint.api.servicepoint.ActivateServicePoint;
import io.lendpoint.api.servicepoint.Address;
import io.lendpoint.api.servicepoint.ApplyForServicePoint;
import io.lendpoint.api.servicepoint.ApproveServicePoint;
import io.lendpoint.api.servicepoint.BorrowingPlan;
import io.lendpoint.api.servicepoint.CompletePreparationItem;
import io.lendpoint.api.servicepoint.ConditionFinding;
import io.lendpoint.api.servicepoint.InspectSite;
import io.lendpoint.api.servicepoint.Institution;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.PreparationItem;
import io.lendpoint.api.servicepoint.QualificationDocument;
import io.lendpoint.api.servicepoint.QualificationDocumentType;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.api.servicepoint.StorageSpace;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small demo city for a newcomer's first look: {@code --lendpoint.demo-city.points=12} loads that many live service
 * points into a fresh (empty) standalone instance — applied, inspected, approved, under agreement with a card,
 * prepared and live; each with a received batch lent to its readers, feedback, a consultation, an activity and a
 * refresh schedule — through the real command path, so the dashboards, evaluations and rankings are filled at once.
 * Deterministic (seeded). The first point is {@code sp-demo}, the demo manager's. Never runs on a store with events.
 */
@Component
class DemoCity {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
    private static final String[] DISTRICTS = {"禅城区", "南海区", "顺德区", "高明区", "三水区"};
    private static final String[] SURNAMES = {"李", "王", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    private static final String[] CLASSES = {"I", "K", "Z", "G", "J"};
    private static final String CREDIT_CODE = "91440604MA4UABCD1T";
    private static final RuleSetReference FINES = new RuleSetReference("fines-standard", 1);
    private static final RuleSetReference COMPENSATION = new RuleSetReference("compensation-standard", 1);

    private final CommandGateway commands;
    private final EventStore events;
    private final int points;

    DemoCity(CommandGateway commands, EventStore events, @Value("${lendpoint.demo-city.points:0}") int points) {
        this.commands = commands;
        this.events = events;
        this.points = points;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (points <= 0) {
            return;
        }
        org.axonframework.eventhandling.TrackingToken head = events.createHeadToken();
        if (head != null && head.position().orElse(-1) >= 0) {
            log.warn("demo city not loaded: the event store is not empty");
            return;
        }
        Random random = new Random(20261126L);
        for (int i = 0; i < Math.min(points, 200); i++) {
            point(i == 0 ? "sp-demo" : String.format("sp-demo-%03d", i + 1), i, random);
            log.info("demo city: {} of {} points loaded", i + 1, points);
        }
    }

    private void point(String id, int index, Random random) {
        LocalDate today = LibraryTime.today(Clock.systemUTC());
        String district = DISTRICTS[index % DISTRICTS.length];
        InstitutionKind kind = InstitutionKind.values()[index % 3];
        String name = "佛山市" + district + switch (kind) {
            case SCHOOL -> "第" + (index + 1) + "小学";
            case COMMUNITY -> "第" + (index + 1) + "社区";
            default -> "第" + (index + 1) + "企业";
        };
        String contact = SURNAMES[random.nextInt(SURNAMES.length)] + "老师";
        commands.sendAndWait(new ApplyForServicePoint(id, null, new Institution(name, kind, CREDIT_CODE,
                new Address(district, "示范路" + (index + 1) + "号")),
                new BorrowingPlan(100 + random.nextInt(1400), List.of("I", "K", "Z"), "每学期初整批借阅",
                        today.plusMonths(1), today.plusMonths(13)),
                new ResponsibleContact(contact, "139" + String.format("%08d", random.nextInt(100_000_000))),
                new StorageSpace(new BigDecimal(30 + random.nextInt(70)), 4 + random.nextInt(20), "专用阅览室，门禁"),
                new QualificationDocument(kind == InstitutionKind.SCHOOL ? QualificationDocumentType.SCHOOL_LICENCE
                        : QualificationDocumentType.BUSINESS_LICENCE, "示范证照" + (index + 1))));
        ConditionFinding met = new ConditionFinding(true, null);
        commands.sendAndWait(new InspectSite(id, today, "王馆员", met, met, met, null));
        commands.sendAndWait(new ApproveServicePoint(id, null));
        String agreement = AgreementIds.forServicePoint(id);
        commands.sendAndWait(new DraftAgreement(agreement, id, AgreementTerms.standard(FINES, COMPENSATION),
                new Party("佛山市图书馆", "王馆员", null), new Party(name, contact, null)));
        commands.sendAndWait(new SignAgreement(agreement, Side.LIBRARY, "王馆员", today));
        commands.sendAndWait(new SignAgreement(agreement, Side.SERVICE_POINT, contact, today));
        commands.sendAndWait(new IssueCollectiveCard(CardIds.forServicePoint(id), id, "JT-DEMO-" + (index + 1),
                new CardHolder("示范持卡人", "11010519491231002X", "13912345678")));
        for (PreparationItem item : PreparationItem.values()) {
            commands.sendAndWait(new CompletePreparationItem(id, item, today, null));
        }
        commands.sendAndWait(new ActivateServicePoint(id));

        String batch = "b-" + id;
        int size = 30 + random.nextInt(31);
        List<ItemDescription> items = new ArrayList<>();
        int[] perClass = new int[CLASSES.length];
        for (int n = 0; n < size; n++) {
            int c = random.nextInt(CLASSES.length);
            perClass[c]++;
            items.add(new ItemDescription(String.format("DM%03d%04d", index + 1, n + 1), "示范图书 " + (n + 1), null,
                    CLASSES[c] + (200 + random.nextInt(100)), new BigDecimal(20 + random.nextInt(40) + ".00"),
                    1995 + random.nextInt(30)));
        }
        List<CategoryQuantity> wanted = new ArrayList<>();
        for (int c = 0; c < CLASSES.length; c++) {
            if (perClass[c] > 0) {
                wanted.add(new CategoryQuantity(CLASSES[c], perClass[c] + random.nextInt(5)));
            }
        }
        commands.sendAndWait(new RequestBatch(batch, id, wanted, today, name + "图书室", null, null));
        List<CategoryQuantity> accepted = new ArrayList<>();
        for (int c = 0; c < CLASSES.length; c++) {
            if (perClass[c] > 0) {
                accepted.add(new CategoryQuantity(CLASSES[c], perClass[c]));
            }
        }
        commands.sendAndWait(new AcceptBatch(batch, accepted, "部分种类库存不足"));
        commands.sendAndWait(new PickItems(batch, items));
        commands.sendAndWait(new PackBatch(batch, List.of(new Box("箱1", size))));
        commands.sendAndWait(new ShipBatch(batch, "市馆物流", null, today));
        commands.sendAndWait(new ConfirmReceipt(batch, id, today, "王馆员", contact,
                items.stream().map(ItemDescription::barcode).toList(), List.of()));
        int lent = random.nextInt(size);
        for (int n = 0; n < lent; n++) {
            commands.sendAndWait(new LendItems(batch, id, String.format("R-%03d", 1 + random.nextInt(40)),
                    List.of(items.get(n).barcode()), today));
        }
        int score = 2 + random.nextInt(4);
        commands.sendAndWait(new RecordFeedback("fb-" + id, id, FeedbackChannel.PHONE_CALLBACK, today, score,
                score <= 3 ? "希望增加少儿类图书" : null, score > 3 ? "配送及时" : null, "图书管理员"));
        commands.sendAndWait(new AskQuestion("cq-" + id, id, ConsultationChannel.PHONE, "续借需要提前几天申请？", contact,
                null));
        if (random.nextInt(4) > 0) {
            commands.sendAndWait(new AnswerQuestion("cq-" + id, "到期前任何时候都可以申请整批续借。", "王馆员"));
        }
        commands.sendAndWait(new ProposeActivity("ac-" + id, id, ActivityKind.READING_PROMOTION, "读书分享会", today, null,
                "王馆员"));
        commands.sendAndWait(new ApproveActivity("ac-" + id, List.of("绘本 50 册")));
        commands.sendAndWait(new RecordActivityHeld("ac-" + id, today, 10 + random.nextInt(80), List.of("绘本 50 册"),
                List.of()));
        commands.sendAndWait(new SetRefreshSchedule(RefreshPlanIds.forServicePoint(id), id, 6, today.plusMonths(6)));
    }
}
