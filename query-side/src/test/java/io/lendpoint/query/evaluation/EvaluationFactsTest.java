package io.lendpoint.query.evaluation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.DiscrepancyKind;
import io.lendpoint.api.loanbatch.DueDateSet;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.ItemLent;
import io.lendpoint.api.loanbatch.ItemsReturned;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyRecorded;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationFactsTest {

    private static final LocalDate SHIPPED = LocalDate.of(2026, 11, 1);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private EvaluationFacts facts;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "facts-test");
        facts = new EvaluationFacts(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static ItemDescription item(String barcode) {
        return new ItemDescription(barcode, "书", null, "I", new BigDecimal("30.00"), 2015);
    }

    @Test
    @DisplayName("§7.1 facts are stored once per event, deposit days follow receipt, a missing item is not on deposit, returns count on time")
    void idempotentFacts() {
        facts.on(new BatchShipped("b1", "sp-1", "物流", null, SHIPPED, List.of(item("A"), item("B"), item("C"))));
        facts.on(new BatchReceived("b1", "sp-1", SHIPPED.plusDays(1), "王", "李", 2));
        facts.on(new ReceiptDiscrepancyRecorded("b1", "sp-1", "C", DiscrepancyKind.MISSING, null));
        facts.on(new DueDateSet("b1", "sp-1", SHIPPED.plusDays(20)));
        ItemLent lent = new ItemLent("b1", "sp-1", "A", "R-1", SHIPPED.plusDays(2));
        EventMessage<ItemLent> lentMessage = GenericEventMessage.asEventMessage(lent);
        facts.on(lent, lentMessage);
        facts.on(lent, lentMessage); // redelivered
        ItemsReturned back = new ItemsReturned("b1", "sp-1", List.of("A", "B"), SHIPPED.plusDays(25), 2);
        facts.on(back, GenericEventMessage.asEventMessage(back));

        assertThat(mongo.findAll(Fact.class)).extracting(Fact::kind).containsExactlyInAnyOrder(FactKind.LOAN,
                FactKind.RETURN);
        Fact returned = mongo.findAll(Fact.class).stream().filter(f -> f.kind() == FactKind.RETURN).findFirst()
                .orElseThrow();
        assertThat(returned.count()).isEqualTo(2);
        assertThat(returned.good()).as("returned after the due date").isZero();
        DepositItem a = mongo.findById("b1/A", DepositItem.class);
        assertThat(a.from).isEqualTo(SHIPPED.plusDays(1));
        assertThat(a.to).isEqualTo(SHIPPED.plusDays(25));
        assertThat(a.lentOn).containsExactly(SHIPPED.plusDays(2));
        assertThat(mongo.findById("b1/C", DepositItem.class).from).isNull();
    }
}
