package io.lendpoint.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.api.servicepoint.SampleApplications;
import io.lendpoint.platform.serialization.MessageJson;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash and race tests of the standalone suite, against distributed mode: the command side in its own JVM,
 * connected to a real Axon Server (event store and router) and a real PostgreSQL (deadlines, tokens, keys), killed
 * with SIGKILL while eight clients are being answered. Every acknowledged command's event must be in Axon Server,
 * exactly once; a deadline scheduled before the kill must fire after the restart; concurrent commands on one
 * aggregate and duplicate submissions must keep its sequence whole. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class DistributedCrashAndRaceTest {

    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;
    private static final ObjectMapper JSON = MessageJson.newObjectMapper();

    @Container
    static final AxonServerContainer AXON_SERVER = DistributedContainers.axonServer();

    @Container
    static final GenericContainer<?> POSTGRES = DistributedContainers.postgres();

    @TempDir
    Path temp;

    private static List<String> distributed(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--axon.axonserver.servers=" + AXON_SERVER.getAxonServerAddress(),
                "--spring.datasource.url=" + DistributedContainers.jdbcUrl(POSTGRES),
                "--lendpoint.consultations.answer-within=PT15S"));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /** The sample application of every module's tests, as the HTTP body of {@code POST /api/service-points}. */
    private static String application(String servicePointId) throws IOException {
        return JSON.writeValueAsString(SampleApplications.apply(servicePointId));
    }

    /** The aggregate's version (its last event's sequence number) as the audit endpoint rebuilds it from Axon Server. */
    private static long version(CommandSideProcess commandSide, String aggregateId) throws Exception {
        HttpResponse<String> state = commandSide.get("/api/audit/aggregates/" + aggregateId + "/state", "auditor",
                "auditor-demo");
        assertThat(state.statusCode()).as(aggregateId + ": " + state.body()).isEqualTo(200);
        return JSON.readTree(state.body()).get("version").asLong();
    }

    @Test
    @DisplayName("distributed kill -9 under load: every acknowledged command is in Axon Server once; a deadline fires after the restart")
    void killDashNineLosesNothingAcknowledged() throws Exception {
        CommandSideProcess first = CommandSideProcess.start(temp.resolve("first.log"), distributed());
        assertThat(first.post("/api/service-points", application("sp-deadline"), "staff", "staff-demo").statusCode())
                .isEqualTo(201);
        assertThat(first.post("/api/service-points/sp-deadline/consultations",
                "{\"consultationId\":\"cq-deadline\",\"channel\":\"PHONE\",\"question\":\"q\"}", "staff", "staff-demo")
                .statusCode()).isEqualTo(201);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> refusedWhileUp = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            clients.submit(() -> {
                for (int n = 0; !killed.get(); n++) {
                    String id = "crash-" + c + "-" + n;
                    try {
                        HttpResponse<String> reply = first.post("/api/service-points", application(id), "staff",
                                "staff-demo");
                        if (reply.statusCode() == 201) {
                            acknowledged.add(id);
                        } else if (!killed.get()) {
                            refusedWhileUp.add(id + " → " + reply.statusCode() + " " + reply.body());
                        }
                    } catch (IOException | InterruptedException connectionLost) {
                        // expected once the process is gone
                    }
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        first.killHard(); // the consultation's answer is due 15 s after it was asked: its deadline is only in PostgreSQL
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(refusedWhileUp).as("refused while the command side was up").isEmpty();

        CommandSideProcess second = CommandSideProcess.start(temp.resolve("second.log"), distributed());
        try {
            for (String id : acknowledged) {
                assertThat(version(second, id)).as(id + ": exactly one event").isZero();
            }
            long overdueBy = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long consultation = version(second, "cq-deadline");
            while (consultation < 1 && System.nanoTime() < overdueBy) {
                Thread.sleep(500);
                consultation = version(second, "cq-deadline");
            }
            assertThat(consultation).as("the consultation's overdue event, from the deadline scheduled before the kill")
                    .isEqualTo(1);
            Thread.sleep(3_000);
            assertThat(version(second, "cq-deadline")).as("and the deadline fired once").isEqualTo(1);
            assertThat(second.post("/api/service-points", application("after-crash"), "staff", "staff-demo")
                    .statusCode()).isEqualTo(201);
        } catch (AssertionError failed) {
            throw new AssertionError(failed.getMessage() + "\n" + second.logTail(), failed);
        } finally {
            second.stop();
        }
    }

    @Test
    @DisplayName("distributed races: duplicate submissions store one application; concurrent changes on one point keep its sequence whole")
    void racesThroughAxonServer() throws Exception {
        CommandSideProcess commandSide = CommandSideProcess.start(temp.resolve("race.log"), distributed());
        ExecutorService hands = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int trial = 0; trial < 3; trial++) {
                String id = "race-" + trial;
                List<Callable<Integer>> duplicates = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    duplicates.add(() -> commandSide.post("/api/service-points", application(id), "staff",
                            "staff-demo").statusCode());
                }
                List<Integer> answers = new ArrayList<>();
                for (Future<Integer> answer : hands.invokeAll(duplicates)) {
                    answers.add(answer.get());
                }
                assertThat(answers).as("trial " + trial + ": one stored, the others refused as conflicts")
                        .containsOnlyOnce(201).containsOnly(201, 409);
                assertThat(version(commandSide, id)).isZero();

                List<Callable<Integer>> changes = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    String phone = "1390013900" + i;
                    changes.add(() -> commandSide.post("/api/service-points/" + id + "/contact",
                            "{\"contact\":{\"name\":\"王五\",\"phone\":\"" + phone + "\"},\"reason\":\"换人\"}",
                            "staff", "staff-demo").statusCode());
                }
                int changed = 0;
                for (Future<Integer> answer : hands.invokeAll(changes)) {
                    int status = answer.get();
                    assertThat(status).as("trial " + trial + ": a contact change").isIn(204, 409);
                    changed += status == 204 ? 1 : 0;
                }
                assertThat(changed).isPositive();
                assertThat(version(commandSide, id)).as("trial " + trial + ": one event per acknowledged change, no gap")
                        .isEqualTo(changed);
            }
        } catch (AssertionError failed) {
            throw new AssertionError(failed.getMessage() + "\n" + commandSide.logTail(), failed);
        } finally {
            hands.shutdownNow();
            commandSide.stop();
        }
    }
}
