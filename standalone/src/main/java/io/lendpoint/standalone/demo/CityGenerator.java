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
import io.lendpoint.api.loanbatch.TakeBackItems;
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
import org.axonframework.eventhandling.GenericEventMessage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Generates service points and their history through the real command path, deterministically: point {@code i}
 * of a city always gets the same history from the same seed, whatever else is generated.
 * <p>
 * Each point is applied for, inspected, approved, put under agreement with a card, prepared and activated; takes
 * one loan batch (requested, accepted, picked in one command, packed in boxes of 50, shipped, received); lends its
 * items to its readers (pseudonymous numbers) and takes them back; records feedback and holds activities; and gets
 * a refresh schedule.
 * <p>
 * With {@link Shape#historyDays()} {@code > 0} the history is spread over that many days before today: Axon's event
 * clock ({@link GenericEventMessage#clock}, which the aggregates read as "today") is set to each simulated day in
 * turn, so the events carry the dates and timestamps they would have had, and restored afterwards. The batch
 * arrives on day 20, so with a history of at most 330 days its due date (12 months later) and the reminders before
 * it still lie ahead: no deadline is due during generation. Only for an instance that nobody else is using yet
 * (the clock is global to the JVM). With {@code historyDays == 0} everything happens today.
 */
public final class CityGenerator {

    /**
     * @param minItems       fewest items in a point's batch
     * @param maxItems       most items in a point's batch (at most 2000, the card's cap)
     * @param historyDays    days of history before today (0: all today; at most 330)
     * @param loansPerDay    mean items lent per day of circulation
     * @param withConsultation whether each point asks a question (its 24-hour deadline would be due at once in a
     *                       simulated past, so only with {@code historyDays == 0})
     */
    public record Shape(int minItems, int maxItems, int historyDays, double loansPerDay, boolean withConsultation) {
        public Shape {
            if (minItems < 1 || maxItems < minItems || maxItems > AgreementTerms.STANDARD_MAX_ITEMS_OUT
                    || historyDays < 0 || historyDays > 330 || loansPerDay < 0
                    || (withConsultation && historyDays > 0)) {
                throw new IllegalArgumentException("impossible city shape " + this);
            }
        }

        /** The newcomer's demo: small batches, everything today. */
        public static Shape demo() {
            return new Shape(30, 60, 0, 20, true);
        }

        /** Issue 8's city: a full 2000-item batch per point, about one loan per item over 310 days of circulation. */
        public static Shape city() {
            return new Shape(2000, 2000, 330, 6.5, false);
        }
    }

    private static final String[] DISTRICTS = {"禅城区", "南海区", "顺德区", "高明区", "三水区"};
    private static final String[] SURNAMES = {"李", "王", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    private static final String[] CLASSES = {"I", "K", "Z", "G", "J"};
    private static final String CREDIT_CODE = "91440604MA4UABCD1T";
    private static final RuleSetReference FINES = new RuleSetReference("fines-standard", 1);
    private static final RuleSetReference COMPENSATION = new RuleSetReference("compensation-standard", 1);
    private static final int ARRIVAL_DAY = 20;

    private final CommandGateway commands;
    private final long seed;
    private final Shape shape;

    public CityGenerator(CommandGateway commands, long seed, Shape shape) {
        this.commands = commands;
        this.seed = seed;
        this.shape = shape;
    }

    /** Point 0 is {@code sp-demo} (the demo manager's), point i {@code sp-demo-00(i+1)} (at least three digits). */
    public static String pointId(int index) {
        return index == 0 ? "sp-demo" : String.format("sp-demo-%03d", index + 1);
    }

    public static String batchId(int index) {
        return "b-" + pointId(index);
    }

    public static String barcode(int index, int item) {
        return String.format("D%05d-%04d", index + 1, item + 1);
    }

    /** What was generated for one point: the commands sent, and the items on the point's shelf at the end. */
    public record Generated(String servicePointId, String batchId, int commands, List<String> onShelf) {
    }

    /** Generates point {@code index} and its whole history. */
    public Generated point(int index) {
        Clock real = GenericEventMessage.clock;
        try {
            Plan plan = plan(index, real);
            for (Step step : plan.steps()) {
                send(step, plan.day(), real);
            }
            return plan.generated();
        } finally {
            GenericEventMessage.clock = real;
        }
    }

    /**
     * Generates points {@code 0} to {@code count - 1} and their histories day by day across the city, every point's
     * day before any point's next day, as a city in service stores them (by {@link #point} each point's history is
     * stored in one piece). Each point's history is the same commands as by {@link #point}, in the order of their
     * days; {@code afterDay} is told each simulated day's offset and the commands sent so far. Holds every point's
     * history in memory until sent.
     */
    public List<Generated> inTimeOrder(int count, BiConsumer<Integer, Integer> afterDay) {
        Clock real = GenericEventMessage.clock;
        try {
            List<Plan> plans = new ArrayList<>(count);
            List<Sending> city = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                Plan plan = plan(index, real);
                plans.add(plan);
                for (Step step : plan.steps()) {
                    city.add(new Sending(step, index));
                }
            }
            // stable: a point's commands of one day in the order planned
            city.sort(Comparator.comparingInt((Sending sending) -> sending.step().offset())
                    .thenComparingInt(Sending::point));
            int day = 0;
            int sent = 0;
            for (Sending sending : city) {
                while (day < sending.step().offset()) {
                    afterDay.accept(day++, sent);
                }
                send(sending.step(), plans.get(sending.point()).day(), real);
                sent++;
            }
            afterDay.accept(day, sent);
            return plans.stream().map(Plan::generated).toList();
        } finally {
            GenericEventMessage.clock = real;
        }
    }

    /** A command of a point's history and the day of the history it is sent on (days after its first). */
    private record Step(int offset, Object command) {
    }

    /** A step of point {@code point}'s history, among the city's. */
    private record Sending(Step step, int point) {
    }

    /** A point's history, planned: its commands in the order generated, and what it leaves. */
    private record Plan(Day day, List<Step> steps, Generated generated) {
    }

    private Plan plan(int index, Clock real) {
        LocalDate today = LibraryTime.today(real);
        Random random = new Random(seed * 1_000_003L + index);
        Day day = new Day(today.minusDays(shape.historyDays()));
        List<Step> steps = new ArrayList<>();
        Generated generated = history(index, random, day, today, steps);
        return new Plan(day, steps, generated);
    }

    /** Sends {@code step}'s command with Axon's event clock on its day. */
    private void send(Step step, Day day, Clock real) {
        day.moveClock(step.offset(), real);
        commands.sendAndWait(step.command());
    }

    /** The simulated days: the date of each, and Axon's event clock moved to 10:00 in Foshan of one (not past now). */
    private final class Day {
        private final LocalDate start;
        private int offset;

        Day(LocalDate start) {
            this.start = start;
        }

        /** Makes {@code offset} the day of the commands planned next; answers its date. */
        LocalDate at(int offset) {
            this.offset = offset;
            return shape.historyDays() == 0 ? start : start.plusDays(Math.min(offset, shape.historyDays()));
        }

        void moveClock(int offset, Clock real) {
            if (shape.historyDays() > 0) {
                Instant tenOClock = start.plusDays(Math.min(offset, shape.historyDays())).atTime(10, 0)
                        .atZone(LibraryTime.ZONE).toInstant();
                Instant now = real.instant();
                GenericEventMessage.clock = Clock.fixed(tenOClock.isAfter(now) ? now : tenOClock, ZoneOffset.UTC);
            }
        }
    }

    private Generated history(int index, Random random, Day day, LocalDate today, List<Step> sent) {
        day.at(0);
        String id = pointId(index);
        String district = DISTRICTS[index % DISTRICTS.length];
        InstitutionKind kind = InstitutionKind.values()[index % 3];
        String name = "佛山市" + district + switch (kind) {
            case SCHOOL -> "第" + (index + 1) + "小学";
            case COMMUNITY -> "第" + (index + 1) + "社区";
            default -> "第" + (index + 1) + "企业";
        };
        String contact = SURNAMES[random.nextInt(SURNAMES.length)] + "老师";
        int readers = 100 + random.nextInt(1400);
        LocalDate opened = day.at(0);
        send(sent, day, new ApplyForServicePoint(id, null, new Institution(name, kind, CREDIT_CODE,
                new Address(district, "示范路" + (index + 1) + "号")),
                new BorrowingPlan(readers, List.of("I", "K", "Z"), "每学期初整批借阅", opened.plusMonths(1),
                        opened.plusMonths(13)),
                new ResponsibleContact(contact, "139" + String.format("%08d", random.nextInt(100_000_000))),
                new StorageSpace(new BigDecimal(30 + random.nextInt(70)), 4 + random.nextInt(20), "专用阅览室，门禁"),
                new QualificationDocument(kind == InstitutionKind.SCHOOL ? QualificationDocumentType.SCHOOL_LICENCE
                        : QualificationDocumentType.BUSINESS_LICENCE, "示范证照" + (index + 1))));
        ConditionFinding met = new ConditionFinding(true, null);
        send(sent, day, new InspectSite(id, opened, "王馆员", met, met, met, null));
        send(sent, day, new ApproveServicePoint(id, null));
        String agreement = AgreementIds.forServicePoint(id);
        send(sent, day, new DraftAgreement(agreement, id, AgreementTerms.standard(FINES, COMPENSATION),
                new Party("佛山市图书馆", "王馆员", null), new Party(name, contact, null)));
        send(sent, day, new SignAgreement(agreement, Side.LIBRARY, "王馆员", opened));
        send(sent, day, new SignAgreement(agreement, Side.SERVICE_POINT, contact, opened));
        send(sent, day, new IssueCollectiveCard(CardIds.forServicePoint(id), id, "JT-DEMO-" + (index + 1),
                new CardHolder("示范持卡人", "11010519491231002X", "13912345678")));
        for (PreparationItem item : PreparationItem.values()) {
            send(sent, day, new CompletePreparationItem(id, item, opened, null));
        }
        send(sent, day, new ActivateServicePoint(id));

        String batch = batchId(index);
        int size = shape.minItems() + random.nextInt(shape.maxItems() - shape.minItems() + 1);
        List<ItemDescription> items = new ArrayList<>(size);
        int[] perClass = new int[CLASSES.length];
        for (int n = 0; n < size; n++) {
            int c = random.nextInt(CLASSES.length);
            perClass[c]++;
            items.add(new ItemDescription(barcode(index, n), "示范图书 " + (n + 1), null,
                    CLASSES[c] + (200 + random.nextInt(100)), new BigDecimal(20 + random.nextInt(40) + ".00"),
                    1995 + random.nextInt(30)));
        }
        List<CategoryQuantity> wanted = new ArrayList<>();
        List<CategoryQuantity> accepted = new ArrayList<>();
        int spare = AgreementTerms.STANDARD_MAX_ITEMS_OUT - size; // more may be wanted than is in stock, up to the cap
        for (int c = 0; c < CLASSES.length; c++) {
            if (perClass[c] > 0) {
                int unmet = Math.min(random.nextInt(5), spare);
                spare -= unmet;
                wanted.add(new CategoryQuantity(CLASSES[c], perClass[c] + unmet));
                accepted.add(new CategoryQuantity(CLASSES[c], perClass[c]));
            }
        }
        LocalDate requested = day.at(ARRIVAL_DAY - 10);
        send(sent, day, new RequestBatch(batch, id, wanted, requested.plusDays(10), name + "图书室", null, null));
        send(sent, day, new AcceptBatch(batch, accepted, "部分种类库存不足"));
        send(sent, day, new PickItems(batch, items));
        List<Box> boxes = new ArrayList<>();
        for (int b = 0; b * 50 < size; b++) {
            boxes.add(new Box("箱" + (b + 1), Math.min(50, size - b * 50)));
        }
        send(sent, day, new PackBatch(batch, boxes));
        send(sent, day, new ShipBatch(batch, "市馆物流", null, day.at(ARRIVAL_DAY - 2)));
        LocalDate arrived = day.at(ARRIVAL_DAY);
        send(sent, day, new ConfirmReceipt(batch, id, arrived, "王馆员", contact,
                items.stream().map(ItemDescription::barcode).toList(), List.of()));

        List<String> onShelf = circulate(sent, id, batch, items, readers, random, day);

        int lastDay = shape.historyDays();
        for (int q = 0, d = ARRIVAL_DAY + 30; d <= Math.max(ARRIVAL_DAY + 30, lastDay); q++, d += 90) {
            LocalDate on = day.at(d);
            int score = 2 + random.nextInt(4);
            send(sent, day, new RecordFeedback("fb-" + id + "-" + (q + 1), id, FeedbackChannel.PHONE_CALLBACK, on,
                    score, score <= 3 ? "希望增加少儿类图书" : null, score > 3 ? "配送及时" : null, "图书管理员"));
        }
        for (int a = 0, d = ARRIVAL_DAY + 45; d <= Math.max(ARRIVAL_DAY + 45, lastDay); a++, d += 120) {
            String activity = "ac-" + id + "-" + (a + 1);
            LocalDate on = day.at(d);
            send(sent, day, new ProposeActivity(activity, id, ActivityKind.READING_PROMOTION, "读书分享会", on, null,
                    "王馆员"));
            send(sent, day, new ApproveActivity(activity, List.of("绘本 50 册")));
            send(sent, day, new RecordActivityHeld(activity, on, 10 + random.nextInt(80), List.of("绘本 50 册"),
                    List.of()));
        }
        if (shape.withConsultation()) {
            send(sent, day, new AskQuestion("cq-" + id, id, ConsultationChannel.PHONE, "续借需要提前几天申请？", contact,
                    null));
            if (random.nextInt(4) > 0) {
                send(sent, day, new AnswerQuestion("cq-" + id, "到期前任何时候都可以申请整批续借。", "王馆员"));
            }
        }
        day.at(lastDay);
        send(sent, day, new SetRefreshSchedule(RefreshPlanIds.forServicePoint(id), id, 6, today.plusMonths(1)));
        return new Generated(id, batch, sent.size(), List.copyOf(onShelf));
    }

    /**
     * Readers borrow a few items at a time (now and then a class borrows 30), keep them 7–30 days and bring them
     * back in the day's pile; about {@link Shape#loansPerDay()} items a day, from the day after arrival to today.
     */
    private List<String> circulate(List<Step> sent, String id, String batch, List<ItemDescription> items, int readers,
                           Random random, Day day) {
        List<String> onShelf = new ArrayList<>(items.stream().map(ItemDescription::barcode).toList());
        Map<Integer, List<String>> dueBack = new TreeMap<>();
        int first = shape.historyDays() == 0 ? ARRIVAL_DAY : ARRIVAL_DAY + 1;
        for (int d = first; d <= Math.max(first, shape.historyDays()); d++) {
            LocalDate on = day.at(d);
            List<String> back = dueBack.remove(d);
            if (back != null) {
                send(sent, day, new TakeBackItems(batch, id, back, on));
                onShelf.addAll(back);
            }
            int toLend = (int) Math.round(shape.loansPerDay() * (0.5 + random.nextDouble()));
            while (toLend > 0 && !onShelf.isEmpty()) {
                int visit = random.nextInt(20) == 0 ? 30 : 1 + random.nextInt(3);
                visit = Math.min(Math.min(visit, toLend), Math.min(onShelf.size(), 50));
                List<String> borrowed = new ArrayList<>(visit);
                for (int k = 0; k < visit; k++) {
                    borrowed.add(onShelf.remove(random.nextInt(onShelf.size())));
                }
                send(sent, day, new LendItems(batch, id, "R" + (1 + random.nextInt(readers)), borrowed, on));
                dueBack.computeIfAbsent(d + 7 + random.nextInt(24), k -> new ArrayList<>()).addAll(borrowed);
                toLend -= visit;
            }
        }
        return onShelf;
    }

    private static void send(List<Step> sent, Day day, Object command) {
        sent.add(new Step(day.offset, command));
    }
}
