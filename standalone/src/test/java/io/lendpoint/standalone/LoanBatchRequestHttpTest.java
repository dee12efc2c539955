package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** §5.1 over HTTP: a live point asks for books, the library accepts (reserving on the card) or declines. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoanBatchRequestHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-batch-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    org.axonframework.deadline.DeadlineManager deadlines;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @Test
    @DisplayName("§5.1, A.1.2 request → accept reserves on the card; a second request beyond the free capacity is refused at acceptance, nothing stored")
    void requestAcceptAndCapacity() {
        LivePoints.activated(commands, "sp-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");
        Api staff = Api.at(port).as("staff", "staff-demo");

        Api.Reply created = manager.post("/api/service-points/sp-demo/batches", request("batch-1", 1200));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(staff.post("/api/batches/batch-1/acceptance", "{}").status()).isEqualTo(204);
        JsonNode card = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/sp-demo/card").json(), c -> c.path("reserved").asInt() == 1200);
        assertThat(card.get("free").asInt()).isEqualTo(800);
        JsonNode batch = Eventually.await(Duration.ofSeconds(20), () -> manager.get("/api/batches/batch-1").json(),
                b -> b.path("status").asText().equals("ACCEPTED"));
        assertThat(batch.get("acceptedTotal").asInt()).isEqualTo(1200);
        assertThat(batch.get("loanPeriodMonths").asInt()).isEqualTo(12);

        assertThat(manager.post("/api/service-points/sp-demo/batches", request("batch-2", 900)).status()).isEqualTo(201);
        long before = events();
        Api.Reply refused = staff.post("/api/batches/batch-2/acceptance", "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("card.capacity-exceeded");
        assertThat(events()).isEqualTo(before);
        // accepted with an adjusted quantity that fits
        assertThat(staff.post("/api/batches/batch-2/acceptance",
                "{\"adjusted\":[{\"category\":\"I\",\"quantity\":800}],\"note\":\"按可借余量受理\"}").status()).isEqualTo(204);
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/sp-demo/card").json(),
                c -> c.path("reserved").asInt() == 2000);
        JsonNode list = Eventually.await(Duration.ofSeconds(20),
                () -> manager.get("/api/service-points/sp-demo/batches?status=ACCEPTED").json(),
                page -> page.path("total").asInt() == 2);
        assertThat(list.get("items").findValuesAsText("batchId")).containsExactlyInAnyOrder("batch-1", "batch-2");
    }

    @Test
    @DisplayName("§5.1 refusals: a point not live, another point's manager, a decided batch")
    void refusals() {
        LivePoints.approve(commands, "sp-not-live");
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");
        Api.Reply notLive = staff.post("/api/service-points/sp-not-live/batches", request("batch-x", 10));
        assertThat(notLive.status()).isEqualTo(409);
        assertThat(notLive.json().get("code").asText()).isEqualTo("batch.point-not-live");
        assertThat(manager.post("/api/service-points/sp-not-live/batches", request("batch-y", 10)).status()).isEqualTo(403);

        LivePoints.activated(commands, "sp-other");
        assertThat(staff.post("/api/service-points/sp-other/batches", request("batch-o", 10)).status()).isEqualTo(201);
        assertThat(staff.post("/api/batches/batch-o/decline", "{\"reason\":\"库存不足\"}").status()).isEqualTo(204);
        Api.Reply again = staff.post("/api/batches/batch-o/acceptance", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("batch.decided");
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-o"), r -> r.status() == 200);
        assertThat(manager.get("/api/batches/batch-o").status()).isEqualTo(403);
        assertThat(manager.get("/api/service-points/sp-other/batches").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("§5.2, A.1.3 pick (JSON and CSV), refuse an item in two open batches, pack, ship, download the item list")
    void pickPackShip() throws Exception {
        LivePoints.activated(commands, "sp-ship");
        Api staff = Api.at(port).as("staff", "staff-demo");
        assertThat(staff.post("/api/service-points/sp-ship/batches", request("batch-s", 3)).status()).isEqualTo(201);
        assertThat(staff.post("/api/service-points/sp-ship/batches", request("batch-t", 1)).status()).isEqualTo(201);
        assertThat(staff.post("/api/batches/batch-s/acceptance", "{}").status()).isEqualTo(204);
        assertThat(staff.post("/api/batches/batch-t/acceptance", "{}").status()).isEqualTo(204);

        assertThat(staff.post("/api/batches/batch-s/items", """
                {"items":[{"barcode":"FS0000001","title":"红楼梦","isbn":"978-7-02-000220-7","category":"I242.4",
                  "listPrice":59.70,"publicationYear":2008}]}""").status()).isEqualTo(204);
        Api.Reply twice = staff.post("/api/batches/batch-t/items", """
                {"items":[{"barcode":"FS0000001","title":"红楼梦","category":"I242.4","listPrice":59.70}]}""");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("item.in-another-batch");

        Api.Reply badCsv = staff.upload("/api/batches/batch-s/items/csv", "items.csv",
                "条码,题名,ISBN,分类号,价格,出版年\nFS0000002,三国演义,9787020008728,I242.4,39.50,2005\n,无条码,,I,10,\n");
        assertThat(badCsv.status()).as(badCsv.toString()).isEqualTo(422);
        assertThat(badCsv.json().get("code").asText()).isEqualTo("item.list-invalid");
        assertThat(badCsv.json().get("rows").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(staff.upload("/api/batches/batch-s/items/csv", "items.csv",
                "条码,题名,ISBN,分类号,价格,出版年\nFS0000002,三国演义,9787020008728,I242.4,39.50,2005\n"
                        + "FS0000003,\"西游记, 上\",,I242.4,42.00,2010\n", "upload-key-1").status())
                .as("an upload with an Idempotency-Key is parsed as usual").isEqualTo(204);

        assertProblemCode(staff.post("/api/batches/batch-s/packing", "{\"boxes\":[{\"label\":\"箱1\",\"itemCount\":2}]}"),
                422, "batch.boxes-do-not-match");
        assertThat(staff.post("/api/batches/batch-s/packing", "{\"boxes\":[{\"label\":\"箱1\",\"itemCount\":3}]}")
                .status()).isEqualTo(204);
        assertThat(staff.post("/api/batches/batch-s/shipment", "{\"carrier\":\"市馆物流\",\"shippedOn\":\""
                + LivePoints.today() + "\"}").status()).isEqualTo(204);

        JsonNode shipped = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-s").json(),
                b -> b.path("status").asText().equals("SHIPPED"));
        assertThat(shipped.get("pickedTotal").asInt()).isEqualTo(3);
        Api.Bytes xlsx = staff.getBytes("/api/batches/batch-s/item-list");
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder cells = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            assertThat(cells.toString()).contains("FS0000001", "红楼梦", "西游记, 上", "batch-s");
        }
        Api.Bytes csv = staff.getBytes("/api/batches/batch-s/item-list?format=csv");
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("三国演义");
        assertThat(Api.at(port).as("manager", "manager-demo").getBytes("/api/batches/batch-s/item-list").status())
                .isEqualTo(403);

        // §5.2, A.2.2 receipt: FS0000003 missing, XX0001 extra, FS0000002 damaged; both handlers sign
        Api.Reply receipt = staff.post("/api/service-points/sp-ship/batches/batch-s/receipt", """
                {"receivedOn":"%s","libraryHandler":"王馆员","servicePointHandler":"李老师",
                 "scannedBarcodes":["FS0000001","FS0000002","XX0001"],
                 "damagedOnArrival":[{"barcode":"FS0000002","note":"封面撕裂"}]}""".formatted(LivePoints.today()));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.json().get("received").asInt()).isEqualTo(2);
        assertThat(receipt.json().get("missing").get(0).asText()).isEqualTo("FS0000003");
        assertThat(receipt.json().get("extra").get(0).asText()).isEqualTo("XX0001");
        JsonNode outstanding = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/sp-ship/outstanding").json(),
                o -> o.path("batches").findValuesAsText("batchId").contains("batch-s"));
        assertThat(outstanding.get("itemsOut").asInt()).isEqualTo(3);
        assertThat(staff.post("/api/batches/batch-s/discrepancies/FS0000003/resolution",
                "{\"resolution\":\"WRITTEN_OFF\",\"note\":\"运输中遗失\"}").status()).isEqualTo(204);
        JsonNode card = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/sp-ship/card").json(),
                c -> c.path("reserved").asInt() == 3); // 3 accepted for batch-s → 2 after the write-off, +1 batch-t
        assertThat(card.get("reserved").asInt()).isEqualTo(3);
        JsonNode received = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-s").json(),
                b -> b.path("discrepancies").size() == 3 && !b.path("discrepancies").get(0).path("resolution").isNull());
        assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.get("pickedTotal").asInt()).isEqualTo(2);
        // §5.3.1 the point lends an item to a reader and takes it back; where is it now?
        Api manager = Api.at(port).as("manager", "manager-demo");
        assertThat(staff.post("/api/service-points/sp-ship/batches/batch-s/loans", "{\"readerNumber\":\"R-0042\","
                + "\"barcodes\":[\"FS0000001\"],\"lentOn\":\"" + LivePoints.today() + "\"}").status()).isEqualTo(204);
        JsonNode where = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/items/FS0000001").json(),
                l -> l.path("state").asText().equals("LENT"));
        assertThat(where.get("readerNumber").asText()).isEqualTo("R-0042");
        assertThat(where.get("batchId").asText()).isEqualTo("batch-s");
        assertThat(manager.get("/api/items/FS0000001").status()).isEqualTo(403);
        assertThat(staff.post("/api/service-points/sp-other-x/batches/batch-s/loans/returns",
                "{\"barcodes\":[\"FS0000001\"],\"returnedOn\":\"" + LivePoints.today() + "\"}").status()).isEqualTo(404);
        assertThat(staff.post("/api/service-points/sp-ship/batches/batch-s/loans/returns",
                "{\"barcodes\":[\"FS0000001\"],\"returnedOn\":\"" + LivePoints.today() + "\"}").status()).isEqualTo(204);
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/items/FS0000001").json(),
                l -> l.path("state").asText().equals("AT_POINT"));
        JsonNode states = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-s/items").json(),
                b -> b.path("states").path("FS0000001").asText().equals("AT_POINT"));
        // FS0000003 was written off above: it left the batch's items, and its state says so
        assertThat(states.get("items").findValuesAsText("barcode")).containsExactly("FS0000001", "FS0000002");
        assertThat(states.get("states").get("FS0000003").asText()).isEqualTo("WRITTEN_OFF");
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/items/FS0000003").json(),
                l -> l.path("state").asText().equals("WRITTEN_OFF") || l.path("state").asText().equals("MISSING"));

        // §5.4.1 due one loan period (12 months) after receipt; in the due-soon list within 400 days, not within 30
        JsonNode due = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-s").json(),
                b -> !b.path("dueOn").isNull() && !b.path("dueOn").isMissingNode());
        assertThat(due.get("dueOn").asText()).isEqualTo(LivePoints.today().plusMonths(12).toString());
        assertThat(staff.get("/api/batches/due-soon?withinDays=400").json().get("items").findValuesAsText("batchId"))
                .contains("batch-s");
        assertThat(staff.get("/api/batches/due-soon?withinDays=30").json().get("items").findValuesAsText("batchId"))
                .doesNotContain("batch-s");
        assertThat(staff.get("/api/batches/overdue").json().get("items").findValuesAsText("batchId"))
                .doesNotContain("batch-s");
        // A.2.4 whole-batch renewal before the due date, by the point's side
        assertThat(Api.at(port).as("manager", "manager-demo")
                .post("/api/service-points/sp-ship/batches/batch-s/renewal", "{}").status()).isEqualTo(403);
        assertThat(staff.post("/api/service-points/sp-ship/batches/batch-s/renewal", "{}").status()).isEqualTo(204);
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-s").json(),
                b -> b.path("dueOn").asText().equals(LivePoints.today().plusMonths(24).toString())
                        && b.path("renewals").asInt() == 1);
        assertProblemCode(staff.post("/api/service-points/sp-ship/batches/batch-s/renewal", "{}"), 409,
                "batch.renewals-exhausted");
        // §5.4.1 a reminder reaches the point's inbox once (a real deadline brought forward to now, under the name
        // that versions before the chained reminders scheduled, which stores may still hold), and a replay of the
        // inbox does not deliver it again
        deadlines.schedule(java.time.Instant.now(), "batch-due-reminder",
                new io.lendpoint.api.loanbatch.ReminderDue("batch-s", LivePoints.today().plusMonths(24), 7),
                new org.axonframework.modelling.command.AggregateScopeDescriptor("LoanBatch", "batch-s"));
        JsonNode inbox = Eventually.await(Duration.ofSeconds(30), () -> staff.get("/api/service-points/sp-ship/inbox").json(),
                page -> page.path("total").asInt() == 1);
        assertThat(inbox.get("items").get(0).get("kind").asText()).isEqualTo("due-reminder");
        assertThat(inbox.get("items").get(0).get("daysBefore").asInt()).isEqualTo(7);
        var inboxProcessor = processing.eventProcessor("point-inbox",
                org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        long head = eventStore.createHeadToken().position().orElseThrow();
        inboxProcessor.shutDown();
        inboxProcessor.resetTokens();
        inboxProcessor.start();
        // the replay done (the inbox is emptied when it starts): every segment claimed and back at the head
        Eventually.await(Duration.ofSeconds(60), inboxProcessor::processingStatus, segments -> !segments.isEmpty()
                && segments.values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head));
        assertThat(staff.get("/api/service-points/sp-ship/inbox").json().get("total").asInt()).isEqualTo(1);

        // the written-off item is free to be picked for another open batch
        assertThat(staff.post("/api/batches/batch-t/items", """
                {"items":[{"barcode":"FS0000003","title":"西游记","category":"I242.4","listPrice":42.00}]}""").status())
                .isEqualTo(204);

        // §5.4, A.1.1 return: a foreign barcode is refused; FS0000001 comes back, FS0000002 is lost at the point
        assertProblemCode(staff.post("/api/batches/batch-s/returns", "{\"barcodes\":[\"FS0000001\",\"ZZ0000009\"],"
                + "\"returnedOn\":\"" + LivePoints.today() + "\"}"), 422, "item.not-in-batch");
        assertThat(staff.post("/api/batches/batch-s/returns", "{\"barcodes\":[\"FS0000001\"],\"returnedOn\":\""
                + LivePoints.today() + "\"}").status()).isEqualTo(204);
        // §5.4.2 inspection: damaged (minor) and lost; the batch closes, its card capacity is released
        assertThat(staff.post("/api/batches/batch-s/inspections", """
                {"inspections":[{"barcode":"FS0000001","outcome":"DAMAGED","severity":"MINOR","note":"涂写"},
                                {"barcode":"FS0000002","outcome":"LOST","note":"读者遗失"}]}""").status()).isEqualTo(204);
        JsonNode closed = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-s").json(),
                b -> b.path("status").asText().equals("CLOSED"));
        assertThat(closed.get("compensations").findValuesAsText("barcode")).containsExactly("FS0000001", "FS0000002");
        // minor damage 5.00; lost, published 2005: 39.50 × 2 + 10.00 fee = 89.00 (default compensation table)
        assertThat(closed.get("compensations").get(0).get("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(closed.get("compensations").get(1).get("amount").decimalValue()).isEqualByComparingTo("89.00");
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/sp-ship/card").json(),
                c -> c.path("reserved").asInt() == 1); // only batch-t's item is still out
        JsonNode owed = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/sp-ship/compensation-due").json(),
                d -> d.path("items").size() == 2);
        assertThat(owed.get("total").decimalValue()).isEqualByComparingTo("94.00");
        JsonNode firstPage = staff.get("/api/service-points/sp-ship/compensation-due?page=0&size=1").json();
        assertThat(firstPage.get("count").asInt()).isEqualTo(2);
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").decimalValue()).isEqualByComparingTo("94.00");
        assertProblemCode(staff.get("/api/service-points/sp-ship/compensation-due?size=0"), 422, "query.size-out-of-range");
        JsonNode out = staff.get("/api/service-points/sp-ship/outstanding").json();
        assertThat(out.get("batches").findValuesAsText("batchId")).doesNotContain("batch-s");
        assertThat(staff.post("/api/batches/batch-s/compensations/FS0000001/settlement", "{\"settlement\":\"PAID\"}")
                .status()).isEqualTo(204);
        assertProblemCode(staff.post("/api/batches/batch-s/compensations/FS0000002/settlement",
                "{\"settlement\":\"WAIVED\"}"), 422, "batch.waiver-needs-reason");
        assertThat(staff.post("/api/batches/batch-s/compensations/FS0000002/settlement",
                "{\"settlement\":\"PAID\"}").status()).isEqualTo(204);
        assertThat(Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/sp-ship/compensation-due").json(),
                d -> d.path("items").size() == 0).get("total").decimalValue()).isEqualByComparingTo("0");

        // §5.4.2 the lost book turns up after it was paid for: its compensation (fee included) is owed back, once
        assertProblemCode(staff.post("/api/batches/batch-s/lost-items/FS0000001/found",
                "{\"foundOn\":\"" + LivePoints.today() + "\"}"), 422, "item.not-lost");
        long before = events();
        assertProblemCode(Api.at(port).as("manager", "manager-demo").post("/api/batches/batch-s/lost-items/FS0000002/found",
                "{\"foundOn\":\"" + LivePoints.today() + "\"}"), 403, "forbidden");
        assertThat(events()).isEqualTo(before);
        assertThat(staff.post("/api/batches/batch-s/lost-items/FS0000002/found",
                "{\"foundOn\":\"" + LivePoints.today() + "\",\"note\":\"读者送回\"}").status()).isEqualTo(204);
        JsonNode refund = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/sp-ship/compensation-due").json(),
                d -> d.path("refundsOwed").size() == 1);
        assertThat(refund.get("refundsOwedTotal").decimalValue()).isEqualByComparingTo("89.00");
        assertThat(Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/items/FS0000002").json(),
                l -> l.path("state").asText().equals("BACK_AT_LIBRARY")).get("batchId").asText()).isEqualTo("batch-s");
        assertThat(staff.post("/api/batches/batch-s/lost-items/FS0000002/refund",
                "{\"paidOn\":\"" + LivePoints.today() + "\"}").status()).isEqualTo(204);
        assertProblemCode(staff.post("/api/batches/batch-s/lost-items/FS0000002/refund",
                "{\"paidOn\":\"" + LivePoints.today() + "\"}"), 422, "batch.no-refund-owed");
        JsonNode detail = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/batches/batch-s").json(),
                b -> !b.path("compensations").get(1).path("refundPaidOn").isNull());
        assertThat(detail.get("compensations").get(1).get("refundDisposition").asText()).isEqualTo("REFUND_OWED");
        assertThat(staff.get("/api/service-points/sp-ship/compensation-due").json().get("refundsOwed")).isEmpty();
    }

    private static void assertProblemCode(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().get("code").asText()).isEqualTo(code);
    }

    private static String request(String batchId, int quantity) {
        return """
                {"batchId":"%s","wanted":[{"category":"I","quantity":%d}],"wantedDeliveryDate":"%s",
                 "deliveryPlace":"学校图书室"}""".formatted(batchId, quantity, LivePoints.today().plusDays(14));
    }

    private long events() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }
}
