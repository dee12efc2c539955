package io.lendpoint.standalone;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, bad input beyond the generic sweep ({@link EndpointSweepTest}): broken and oversized CSV uploads that
 * reach the parser (the batch exists and is accepted, the caller may pick), identifiers and check digits that
 * are wrong in ways only the domain knows (unified social credit code, resident ID number, ISBN), and hostile path
 * identifiers. Every one: no 5xx, a problem+json answer, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-hostile-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;

    private long events() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static void expectRefusal(Set<String> failures, String what, Api.Reply reply) {
        if (reply.status() < 400 || reply.status() >= 500 || !reply.contentType().startsWith("application/problem+json")) {
            failures.add(what + " → " + reply.status() + " " + reply.contentType() + " "
                    + reply.body().substring(0, Math.min(200, reply.body().length())));
        }
    }

    @Test
    @DisplayName("§5.2 broken, hostile and oversized item-list uploads: refused with problem+json, no item added")
    void brokenUploads() {
        LivePoints.activated(commands, "sp-hostile");
        Api staff = Api.at(port).as("staff", "staff-demo");
        assertThat(staff.post("/api/service-points/sp-hostile/batches", """
                {"batchId":"batch-hostile","wanted":[{"category":"I","quantity":5}],"wantedDeliveryDate":"%s",
                 "deliveryPlace":"图书室"}""".formatted(LivePoints.today().plusDays(7))).status()).isEqualTo(201);
        assertThat(staff.post("/api/batches/batch-hostile/acceptance", "{}").status()).isEqualTo(204);
        String header = "barcode,title,isbn,category,price,year\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("empty file", "");
        files.put("header only", header);
        files.put("unterminated quote", header + "HB0001,\"红楼梦,,I242.4,59.70,2008\n");
        files.put("wrong number of columns", header + "HB0001,红楼梦\nHB0002,三国演义,,I242.4,39.50,2005,extra,extra\n");
        files.put("binary garbage", "\u0000\u0001\u00ff\ufffe\u0007PK\u0003\u0004" + "\u0000".repeat(500));
        files.put("ISBN with a wrong check digit", header + "HB0001,红楼梦,978-7-02-000220-8,I242.4,59.70,2008\n");
        files.put("not a CLC class", header + "HB0001,红楼梦,,??,59.70,2008\n");
        files.put("negative price and year 99999", header + "HB0001,红楼梦,,I242.4,-1,99999\n");
        files.put("barcode with a path in it", header + "../../etc/passwd,红楼梦,,I242.4,59.70,2008\n");
        files.put("formula injection in the title, bad price", header + "HB0001,=HYPERLINK(\"x\"),,I242.4,abc,2008\n");
        files.put("one valid row among 3000 bad ones", header + "HB0001,红楼梦,,I242.4,59.70,2008\n"
                + ",无条码,,I,10,\n".repeat(3000));
        files.put("2001 valid rows (more than a batch may hold)", header + rows(2001));
        files.put("oversized (8 MB: over the 4 MB upload limit, under the 16 MB Tomcat reads to answer)", header
                + ("HB0001,红楼梦" + "梦".repeat(200) + ",,I242.4,59.70,2008\n").repeat(12_500));
        long before = events();
        Set<String> failures = new TreeSet<>();
        files.forEach((what, content) -> expectRefusal(failures, what,
                staff.upload("/api/batches/batch-hostile/items/csv", "items.csv", content)));
        assertThat(failures).as("uploads not refused properly").isEmpty();
        assertThat(events()).as("nothing stored").isEqualTo(before);
    }

    private static String rows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            rows.append("HV%05d,书%d,,I242.4,10.00,2010\n".formatted(n, n));
        }
        return rows.toString();
    }

    @Test
    @DisplayName("A.6, §4.1, §5.2 wrong check digits and hostile identifiers: refused with problem+json, nothing stored")
    void wrongCheckDigitsAndIdentifiers() {
        LivePoints.activated(commands, "sp-digits");
        LivePoints.approve(commands, "sp-nocard");
        LivePoints.agreementInForce(commands, "sp-nocard"); // a card with a right ID number would be issued
        Api admin = Api.at(port).as("admin", "admin-demo");
        long before = events();
        Set<String> failures = new TreeSet<>();
        // the unified social credit code's last character is its check digit (GB 32100): ...1T is right, ...1U wrong
        expectRefusal(failures, "credit code with a wrong check digit", admin.post("/api/service-points",
                Requests.application("sp-bad-uscc", null, "91440604MA4UABCD1U", "13800138000")));
        expectRefusal(failures, "credit code with forbidden letters", admin.post("/api/service-points",
                Requests.application("sp-bad-uscc2", null, "91440604MA4UABCDIO", "13800138000")));
        expectRefusal(failures, "phone number of 10 digits", admin.post("/api/service-points",
                Requests.application("sp-bad-phone", null, Requests.USCC, "1380013800")));
        expectRefusal(failures, "service point id with a slash and spaces", admin.post("/api/service-points",
                Requests.application("sp bad/../id", null, Requests.USCC, "13800138000")));
        expectRefusal(failures, "service point id of 300 characters", admin.post("/api/service-points",
                Requests.application("s".repeat(300), null, Requests.USCC, "13800138000")));
        // GB 11643: 11010519491231002X is valid, so ...0021 has a wrong check digit; 19491332 is no date
        for (String idNumber : new String[] {"110105194912310021", "110105194913320028", "11010519491231002", "X"}) {
            expectRefusal(failures, "card holder ID number " + idNumber, admin.post(
                    "/api/service-points/sp-nocard/card", """
                            {"cardNumber":"JT-DIGITS","holder":{"name":"李小明","idNumber":"%s","phone":"13912345678"}}"""
                            .formatted(idNumber)));
        }
        expectRefusal(failures, "request with a wanted date in year 99999", admin.post(
                "/api/service-points/sp-digits/batches", """
                        {"batchId":"batch-digits","wanted":[{"category":"I","quantity":5}],"wantedDeliveryDate":"99999-01-01",
                         "deliveryPlace":"图书室"}"""));
        expectRefusal(failures, "request with a negative quantity", admin.post(
                "/api/service-points/sp-digits/batches", """
                        {"batchId":"batch-digits","wanted":[{"category":"I","quantity":-5}],"wantedDeliveryDate":"%s",
                         "deliveryPlace":"图书室"}""".formatted(LivePoints.today().plusDays(7))));
        for (String path : new String[] {"/api/batches/%2E%2E%2Fadmin/acceptance", "/api/batches/x%00y/acceptance",
                "/api/batches/" + "b".repeat(5000) + "/acceptance", "/api/service-points/%E4%B8%AD%E6%96%87/activation"}) {
            expectRefusal(failures, "POST " + path.substring(0, Math.min(80, path.length())), admin.post(path, "{}"));
        }
        assertThat(failures).as("wrong identifiers not refused properly").isEmpty();
        assertThat(events()).as("nothing stored").isEqualTo(before);
    }
}
