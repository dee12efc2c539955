package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.lendpoint.api.card.CardHolder;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.CollectiveCardIssued;
import io.lendpoint.api.card.IssueCollectiveCard;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.api.validation.ChineseIdNumbers;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A.6 at rest: no identity number and no phone number stands in the clear — not in any table of the event store's
 * database (events, snapshots, deadlines, claims, idempotency keys, dead letters) and not in any projection — and
 * no card holder's name either. The scan looks for the shapes of such numbers (a mainland mobile or landline
 * number, a resident ID number with a valid check character), not only for the values the test entered. The only
 * copies are in the personal-data vault, encrypted; the API shows them to whoever may read them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataScanTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-pii-scan-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
        registry.add("lendpoint.snapshots.threshold", () -> 2); // snapshots too
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonalDataVault vault;

    @Test
    @DisplayName("A.6 no ID number and no phone (holder's, contacts', handlers') is found in any table or projection; the API still shows them")
    void noPlaintextPersonalData() throws Exception {
        LivePoints.approve(commands, "sp-scan");
        Api admin = Api.at(port).as("admin", "admin-demo");
        assertThat(admin.post("/api/service-points/sp-scan/agreement", """
                {"library":{"name":"佛山市图书馆","handler":"王馆员","handlerPhone":"0757-83036666"},
                 "servicePoint":{"name":"佛山市禅城区第一小学","handler":"李老师","handlerPhone":"13611112222"}}""")
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/service-points/sp-scan/contact", """
                {"contact":{"name":"陈老师","phone":"0757-82223333"},"reason":"调岗"}""").status()).isEqualTo(204);
        LivePoints.activated(commands, "sp-scan-2");
        LivePoints.receivedBatch(commands, "sp-scan-2", "b-scan", "SC0001");
        Eventually.await(Duration.ofSeconds(20), () -> admin.get("/api/service-points/sp-scan-2/card"),
                reply -> reply.status() == 200);
        JsonNode agreement = Eventually.await(Duration.ofSeconds(20),
                () -> admin.get("/api/service-points/sp-scan/agreement"), reply -> reply.status() == 200).json();
        JsonNode point = Eventually.await(Duration.ofSeconds(20), () -> admin.get("/api/service-points/sp-scan"),
                reply -> reply.status() == 200 && reply.json().at("/contact/name").asText().equals("陈老师")).json();
        // snapshots are written on their own thread; the point's must be there for the scan to cover it
        Eventually.await(Duration.ofSeconds(20), () -> new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = 'sp-scan'", Long.class), n -> n > 0);

        List<String> entered = List.of(LivePoints.HOLDER.idNumber(), LivePoints.HOLDER.phone(),
                LivePoints.HOLDER.name(), "13800138000", "0757-82223333", "0757-83036666", "13611112222");
        Map<String, String> stored = everything();
        assertThat(plaintextFound(stored, entered)).as("personal data entered, in the clear").isEmpty();
        assertThat(shapesFound(stored)).as("anything shaped like an ID number or a phone, in the clear").isEmpty();
        // what the scan looks for is there, and shown to those who may read it
        assertThat(point.at("/contact/phone").asText()).isEqualTo("0757-82223333");
        assertThat(agreement.at("/library/handlerPhone").asText()).isEqualTo("0757-83036666");
        assertThat(agreement.at("/servicePoint/handlerPhone").asText()).isEqualTo("13611112222");
        assertThat(PHONE.matcher("x:13800138000,").find()).isTrue();
        assertThat(LANDLINE.matcher("\"0757-82223333\"").find()).isTrue();
        assertThat(idNumbersIn("\"" + LivePoints.HOLDER.idNumber() + "\"")).isNotEmpty();
    }

    @Test
    @DisplayName("A.6 erasure, then every projection rebuilt from the first event: the holder's data is nowhere in the clear and can no longer be revealed")
    void erasureThenReplay() throws Exception {
        CardHolder holder = new CardHolder("周晓红", "44060419850101001X", "13700001111");
        LivePoints.approve(commands, "sp-erase");
        LivePoints.agreementInForce(commands, "sp-erase");
        commands.sendAndWait(new IssueCollectiveCard(CardIds.forServicePoint("sp-erase"), "sp-erase", "JT-ERASE", holder));
        Api admin = Api.at(port).as("admin", "admin-demo");
        assertThat(admin.post("/api/service-points/sp-erase/card/holder/erasure", "{\"reason\":\"本人申请删除\"}")
                .status()).isEqualTo(204);
        assertThat(admin.post("/api/service-points/sp-erase/contact", """
                {"contact":{"name":"陈老师","phone":"0757-82224444"},"reason":"调岗"}""").status()).isEqualTo(204);
        assertThat(admin.post("/api/service-points/sp-erase/contact/erasure", """
                {"subjectId":"contact-sp-erase-1","reason":"本人申请删除"}""").status()).isEqualTo(204);
        assertThat(admin.post("/api/service-points/sp-erase/contact/erasure", """
                {"subjectId":"contact-sp-erase-2","reason":"当前联系人"}""").status()).as("the current contact")
                .isEqualTo(409);

        for (JsonNode projection : admin.get("/api/admin/projections").json()) {
            String name = projection.get("name").asText();
            if (!name.equals("email-notifications") && !name.endsWith("-policy")) {
                assertThat(admin.post("/api/admin/projections/" + name + "/replay", "{}").status()).as(name)
                        .isEqualTo(202);
            }
        }
        Eventually.await(Duration.ofSeconds(60), () -> admin.get("/api/admin/projections").json(), all -> {
            for (JsonNode projection : all) {
                if (projection.path("behind").asLong(1) > 0) {
                    return false;
                }
            }
            return true;
        });
        JsonNode card = Eventually.await(Duration.ofSeconds(30), () -> admin.get("/api/service-points/sp-erase/card"),
                reply -> reply.status() == 200).json();
        assertThat(card.get("holderErased").asBoolean()).isTrue();

        assertThat(plaintextFound(everything(), List.of(holder.idNumber(), holder.phone(), holder.name())))
                .as("the erased holder's data in the clear after the replay").isEmpty();
        String issued = new String(new JdbcTemplate(dataSource).queryForObject("SELECT payload FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%CollectiveCardIssued'", byte[].class,
                CardIds.forServicePoint("sp-erase")), StandardCharsets.UTF_8);
        CollectiveCardIssued event = Api.JSON.readValue(issued, CollectiveCardIssued.class);
        assertThat(vault.isErased(event.holderSubjectId())).isTrue();
        assertThat(vault.reveal(event.holderIdNumber())).as("the ciphertext left in the event").isEmpty();

        String changed = new String(new JdbcTemplate(dataSource).queryForObject("SELECT payload FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%ServicePointContactChanged'", byte[].class,
                "sp-erase"), StandardCharsets.UTF_8);
        ServicePointContactChanged change = Api.JSON.readValue(changed, ServicePointContactChanged.class);
        assertThat(vault.reveal(change.previous().phone())).as("the former contact's phone").isEmpty();
        assertThat(vault.reveal(change.contact().phone())).contains("0757-82224444");
        JsonNode point = admin.get("/api/service-points/sp-erase").json();
        assertThat(point.at("/contact/phone").asText()).isEqualTo("0757-82224444");
        assertThat(point.get("history").toString()).contains("ContactDataErased");
    }

    /*
     * The shapes of a mobile number, a landline with area code and a resident ID number, standing alone: bounded by
     * anything but a letter or digit, so that digits inside identifiers (UUIDs, object ids, Base64) do not count.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![0-9A-Za-z])0[1-9][0-9]{1,2}-[0-9]{7,8}(?![0-9A-Za-z])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    /** Where anything shaped like a phone or a valid resident ID number stands in the clear in {@code stored}. */
    private static Set<String> shapesFound(Map<String, String> stored) {
        Set<String> found = new TreeSet<>();
        for (var place : stored.entrySet()) {
            String text = place.getValue();
            for (Pattern pattern : List.of(PHONE, LANDLINE)) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    found.add(place.getKey() + " holds " + matcher.group());
                }
            }
            idNumbersIn(text).forEach(number -> found.add(place.getKey() + " holds " + number));
        }
        return found;
    }

    /** Runs of 18 that are resident ID numbers by GB 11643 (check character), not any long number. */
    private static List<String> idNumbersIn(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = ID_NUMBER.matcher(text);
        while (matcher.find()) {
            if (ChineseIdNumbers.isValid(matcher.group().toUpperCase())) {
                numbers.add(matcher.group());
            }
        }
        return numbers;
    }

    /** Where any of the secrets stands in the clear in {@code stored} (see {@link #everything}). */
    private static Set<String> plaintextFound(Map<String, String> stored, List<String> secrets) {
        Set<String> found = new TreeSet<>();
        for (var place : stored.entrySet()) {
            secrets.stream().filter(place.getValue()::contains)
                    .forEach(secret -> found.add(place.getKey() + " holds " + secret));
        }
        return found;
    }

    /** The text of every table but the vault's and of every projection collection, by table or collection. */
    private Map<String, String> everything() throws Exception {
        Map<String, String> text = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "PUBLIC", null, new String[]{"TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                if (table.toLowerCase().contains("personal_data")) {
                    continue; // the vault: encrypted at rest, and what erasure deletes
                }
                text.put(table, String.join("\n", cells(table)));
            }
        }
        for (String collection : mongo.getCollectionNames()) {
            StringBuilder documents = new StringBuilder();
            for (Document document : mongo.getCollection(collection).find()) {
                documents.append(document.toJson()).append('\n');
            }
            text.put("projection " + collection, documents.toString());
        }
        return text;
    }

    private List<String> cells(String table) {
        List<String> cells = new ArrayList<>();
        new JdbcTemplate(dataSource).query("SELECT * FROM " + table, row -> {
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                Object value = row.getObject(column);
                if (value instanceof byte[] bytes) { // large payloads are stored compressed: scan what they hold
                    cells.add(new String(PayloadCompression.expand(bytes), StandardCharsets.UTF_8));
                } else if (value instanceof java.sql.Blob blob) {
                    cells.add(new String(PayloadCompression.expand(blob.getBytes(1, (int) blob.length())),
                            StandardCharsets.UTF_8));
                } else if (value != null) {
                    cells.add(value.toString());
                }
            }
        });
        return cells;
    }
}
