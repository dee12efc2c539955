package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.LendItems;
import io.lendpoint.api.operations.ActivityKind;
import io.lendpoint.api.operations.ApproveActivity;
import io.lendpoint.api.operations.FeedbackChannel;
import io.lendpoint.api.operations.ProposeActivity;
import io.lendpoint.api.operations.RecordActivityHeld;
import io.lendpoint.api.operations.RecordFeedback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** §7.1 over HTTP: a point's evaluation from real events, the ranking, and the same figures after a replay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-evaluation-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @DisplayName("§7.1 metrics from real events, a ranking with trend, roles; a replay into fresh facts gives the same figures;"
            + " a loan after the figures were kept is counted")
    void evaluateRankAndReplay() throws Exception {
        LocalDate today = LivePoints.today();
        LivePoints.activated(commands, "sp-demo");
        LivePoints.activated(commands, "sp-two");
        LivePoints.receivedBatch(commands, "sp-demo", "b-eval", "EV0001", "EV0002", "EV0003", "EV0004");
        commands.sendAndWait(new LendItems("b-eval", "sp-demo", "R-001", List.of("EV0001", "EV0002"), today));
        commands.sendAndWait(new LendItems("b-eval", "sp-demo", "R-002", List.of("EV0003"), today));
        commands.sendAndWait(new RecordFeedback("fb-e1", "sp-demo", FeedbackChannel.MESSAGE, today, 5, null, "好", null));
        commands.sendAndWait(new RecordFeedback("fb-e2", "sp-two", FeedbackChannel.PHONE_CALLBACK, today, 2, "书旧", null, null));
        commands.sendAndWait(new ProposeActivity("ac-e1", "sp-demo", ActivityKind.READING_PROMOTION, "读书会", today, null, "staff"));
        commands.sendAndWait(new ApproveActivity("ac-e1", null));
        commands.sendAndWait(new RecordActivityHeld("ac-e1", today, 40, null, null));

        Api staff = Api.at(port).as("staff", "staff-demo");
        String range = "from=" + today.minusDays(29) + "&to=" + today;
        JsonNode live = Eventually.await(Duration.ofSeconds(30),
                () -> staff.get("/api/evaluations/service-points/sp-demo?" + range).json(),
                e -> metric(e, "activities.held").path("value").asDouble() == 1.0
                        && metric(e, "loans.per-active-reader").path("value").asDouble() == 1.5);
        // 3 loans over 4 items on deposit for 1 day of 30: average 4 ÷ 30 items, turnover 3 ÷ (4/30) = 22.5
        assertThat(metric(live, "collection.turnover").get("value").asDouble()).isEqualTo(22.5);
        assertThat(metric(live, "collection.not-used-share").get("value").asDouble()).isEqualTo(0.25);
        assertThat(metric(live, "satisfaction.satisfied-share").get("value").asDouble()).isEqualTo(1.0);
        assertThat(metric(live, "returns.on-time-rate").get("notApplicable").asText()).isEqualTo("no items returned in the period");
        assertThat(metric(live, "collection.turnover").get("formula").asText()).contains("average items on deposit");
        assertThat(live.get("composite").isNumber()).isTrue();

        JsonNode ranking = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/evaluations/ranking?" + range).json(),
                r -> r.path("entries").size() >= 2 && r.path("entries").get(1).path("composite").isNumber());
        assertThat(ranking.get("entries").get(0).get("servicePointId").asText()).isEqualTo("sp-demo");
        assertThat(ranking.get("entries").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get("entries").findValuesAsText("servicePointId")).contains("sp-two");

        Api manager = Api.at(port).as("manager", "manager-demo");
        assertThat(manager.get("/api/evaluations/service-points/sp-demo?period=" + today.getYear()).status()).isEqualTo(200);
        assertThat(manager.get("/api/evaluations/service-points/sp-two?" + range).status()).isEqualTo(403);
        assertThat(manager.get("/api/evaluations/ranking?" + range).status()).isEqualTo(403);
        Api.Reply invalid = staff.get("/api/evaluations/ranking?period=2026-Q5");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("code").asText()).isEqualTo("evaluation.period-invalid");

        // the city as one, exports a spreadsheet can open, the report and the ranking chart
        JsonNode city = staff.get("/api/evaluations/city?" + range).json();
        assertThat(metric(city, "activities.held").get("value").asDouble()).isEqualTo(1.0);
        assertThat(metric(city, "satisfaction.mean").get("value").asDouble()).isEqualTo(3.5); // 5 and 2
        Api.Bytes xlsx = staff.getBytes("/api/evaluations/service-points/sp-demo/export?format=xlsx&" + range);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("sp-demo");
            var turnover = java.util.stream.IntStream.rangeClosed(6, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                    .filter(row -> row.getCell(0).getStringCellValue().equals("collection.turnover")).findFirst()
                    .orElseThrow();
            assertThat(turnover.getCell(4).getNumericCellValue()).isEqualTo(22.5);
        }
        Api.Bytes csv = staff.getBytes("/api/evaluations/ranking/export?format=csv&" + range);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFF")
                .contains("sp-demo", "名次 Rank");
        Api.Reply report = staff.get("/api/evaluations/service-points/sp-demo/report?" + range);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("<svg", "综合得分趋势", "collection.turnover");
        Api.Reply chart = staff.get("/api/evaluations/ranking/chart?" + range);
        assertThat(chart.contentType()).startsWith("image/svg+xml");
        assertThat(chart.body()).contains("<svg", "1. ");
        Api.Reply badChart = staff.get("/api/evaluations/ranking/chart?period=2026-13");
        assertThat(badChart.status()).as(badChart.toString()).isEqualTo(422);
        assertThat(badChart.contentType()).startsWith("application/problem+json");
        Api.Reply badReport = staff.get("/api/evaluations/service-points/sp-demo/report?period=x");
        assertThat(badReport.status()).as(badReport.toString()).isEqualTo(422);
        assertThat(badReport.contentType()).startsWith("application/problem+json");

        // reproducible: replay the event stream into fresh facts and compute the same period again
        StreamingEventProcessor facts = processing.eventProcessor("evaluation-facts", StreamingEventProcessor.class)
                .orElseThrow();
        facts.shutDown();
        facts.resetTokens();
        facts.start();
        JsonNode replayed = Eventually.await(Duration.ofSeconds(30),
                () -> staff.get("/api/evaluations/service-points/sp-demo?" + range).json(), live::equals);
        assertThat(replayed).isEqualTo(live);

        // the point's and the city's counts are kept now; a loan after them is counted by the next evaluations
        assertThat(staff.get("/api/evaluations/service-points/sp-demo?" + range).json()).isEqualTo(live);
        JsonNode cityBefore = staff.get("/api/evaluations/city?" + range).json();
        assertThat(metric(cityBefore, "loans.per-active-reader").path("counts").path("loans").asLong()).isEqualTo(3);
        commands.sendAndWait(new LendItems("b-eval", "sp-demo", "R-003", List.of("EV0004"), today));
        JsonNode after = Eventually.await(Duration.ofSeconds(30),
                () -> staff.get("/api/evaluations/service-points/sp-demo?" + range).json(),
                e -> metric(e, "collection.not-used-share").path("value").asDouble() == 0.0);
        assertThat(metric(after, "loans.per-active-reader").path("counts").path("loans").asLong()).isEqualTo(4);
        JsonNode cityAfter = staff.get("/api/evaluations/city?" + range).json();
        assertThat(metric(cityAfter, "loans.per-active-reader").path("counts").path("loans").asLong()).isEqualTo(4);
    }

    @Test
    @DisplayName("§7.2 an improvement action on a finding: planned by staff (not a manager), listed as open, completed with its outcome")
    void improvement() {
        LivePoints.activated(commands, "sp-imp");
        LocalDate today = LivePoints.today();
        Api staff = Api.at(port).as("staff", "staff-demo");
        String plan = ("{\"actionId\":\"ia-1\",\"periodFrom\":\"%s\",\"periodTo\":\"%s\",\"metricCode\":"
                + "\"collection.turnover\",\"finding\":\"利用率偏低\",\"action\":\"调整书目\",\"owner\":\"王馆员\","
                + "\"dueOn\":\"%s\"}").formatted(today.minusMonths(3), today.minusDays(1), today.plusDays(30));
        assertThat(Api.at(port).as("manager", "manager-demo").post("/api/service-points/sp-imp/improvements", plan)
                .status()).isEqualTo(403);
        Api.Reply refused = staff.post("/api/service-points/sp-imp/improvements",
                plan.replace(today.plusDays(30).toString(), today.minusDays(1).toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("improvement.due-in-past");
        assertThat(staff.post("/api/service-points/sp-imp/improvements", plan).status()).isEqualTo(201);
        JsonNode open = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/improvements?open=true").json(),
                page -> page.path("total").asInt() == 1);
        assertThat(open.get("items").get(0).get("metricCode").asText()).isEqualTo("collection.turnover");
        assertThat(staff.post("/api/improvements/ia-1/completion", "{\"outcome\":\"借阅量上升\",\"completedOn\":\""
                + today + "\"}").status()).isEqualTo(204);
        JsonNode done = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/improvements?servicePointId=sp-imp").json(),
                page -> page.path("items").get(0).path("status").asText().equals("COMPLETED"));
        assertThat(done.get("items").get(0).get("late").asBoolean()).isFalse();
    }

    private static JsonNode metric(JsonNode evaluation, String code) {
        for (JsonNode metric : evaluation.path("metrics")) {
            if (metric.path("code").asText().equals(code)) {
                return metric;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static ItemDescription item(String barcode) {
        return new ItemDescription(barcode, "书 " + barcode, null, "I247", new BigDecimal("30.00"), 2015);
    }
}
