package io.lendpoint.query.evaluation;

import io.lendpoint.query.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation reads its facts and deposit items without the mapping layer (issue 8): it must read exactly what
 * the mapping layer wrote and would read — every field, nulls, every kind, and days in a zone east of UTC, where a
 * day is stored as the instant of the evening before.
 */
class UnmappedReadsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;
    private TimeZone zone;

    @BeforeEach
    void start() {
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        mongo = store.template("unmapped-test");
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    @Test
    @DisplayName("§7.1 a point's facts read unmapped are the facts the mapping layer reads")
    void factsAsMapped() {
        List<Fact> written = new ArrayList<>();
        int n = 0;
        for (FactKind kind : FactKind.values()) {
            for (int day = 0; day < 3; day++) {
                n++;
                written.add(new Fact("e-" + n, kind, "sp-1", DAY.plusDays(day * 40L), n, n % 2, 5_000_000_000L + n,
                        kind == FactKind.LOAN ? "R-" + n : null, kind == FactKind.DEMAND ? "I247" : null,
                        kind == FactKind.LOAN ? "b1/A" + n : null));
            }
        }
        written.add(new Fact("e-other", FactKind.LOAN, "sp-2", DAY, 1, 1, 0, "R-9", null, "b2/Z"));
        written.forEach(fact -> EvaluationDay.store(mongo, fact));

        List<Fact> read = EvaluationDay.of(mongo, "sp-1", DAY, DAY.plusDays(90));

        List<Fact> mapped = mongo.findAll(EvaluationDay.class).stream()
                .filter(day -> day.servicePointId.equals("sp-1"))
                .flatMap(day -> day.facts.values().stream()).toList();
        assertThat(mapped).hasSize(written.size() - 1);
        assertThat(read).containsExactlyInAnyOrderElementsOf(mapped)
                .containsExactlyInAnyOrderElementsOf(written.subList(0, written.size() - 1));
        assertThat(EvaluationDay.of(mongo, "sp-1", DAY.plusDays(1), DAY.plusDays(39))).as("no fact on those days")
                .isEmpty();
    }

    @Test
    @DisplayName("§7.1 a point's deposit read unmapped is the deposit the mapping layer reads")
    void depositAsMapped() {
        DepositBatch batch = new DepositBatch();
        batch.id = "b1";
        batch.servicePointId = "sp-1";
        for (int i = 0; i < 4; i++) {
            DepositItem item = new DepositItem();
            item.servicePointId = "sp-1";
            item.batchId = "b1";
            item.barcode = "A" + i;
            item.title = i == 3 ? null : "书" + i;
            item.category = "I24" + i;
            item.from = i == 0 ? null : DAY.plusDays(i);
            item.to = i < 2 ? null : DAY.plusDays(10 * i);
            batch.items.add(item);
        }
        mongo.save(batch);
        PointDeposits.add(mongo, "sp-1", "b1");

        List<DepositItem> read = PointDeposits.itemsAt(mongo, "sp-1");

        List<DepositItem> mapped = mongo.findById("b1", DepositBatch.class).items;
        assertThat(read).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(mapped)
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(batch.items);
        assertThat(read.get(2).from).isEqualTo(DAY.plusDays(2));
        assertThat(read.get(2).to).isEqualTo(DAY.plusDays(20));
    }
}
