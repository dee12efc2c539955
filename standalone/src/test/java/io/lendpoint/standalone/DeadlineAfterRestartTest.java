package io.lendpoint.standalone;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.agreement.AgreementContinued;
import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementPeriodEnds;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStandingQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A.4 deadlines are durable. The agreement's own validity deadline is in db-scheduler's table at the end of its
 * validity, and still there after a restart. To see one fire across a restart without waiting two years, the
 * test schedules the same deadline (name, payload, aggregate scope) a few seconds ahead, stops the application
 * before it is due, restarts it, and sees the agreement continue once, with the next period's end scheduled.
 */
class DeadlineAfterRestartTest {

    @TempDir
    Path data;

    @Test
    @DisplayName("A.4 a validity deadline scheduled before a shutdown fires after the restart, exactly once")
    void deadlineSurvivesRestart() throws Exception {
        String point = "sp-deadline";
        String agreementId = AgreementIds.forServicePoint(point);
        AgreementStanding standing;
        try (ConfigurableApplicationContext first = start()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            LivePoints.approve(commands, point);
            LivePoints.agreementInForce(commands, point);
            standing = first.getBean(QueryGateway.class)
                    .query(new AgreementStandingQuery(point), AgreementStanding.class).join();
            // the agreement scheduled its own deadline for the end of its validity, in the durable store
            assertThat(PendingDeadlines.of(first)).containsExactly(endOfValidity(standing));
            first.getBean(DeadlineManager.class).schedule(Instant.now().plusSeconds(6), "agreement-period-end",
                    new AgreementPeriodEnds(agreementId, 1, standing.validUntil()),
                    new AggregateScopeDescriptor("Agreement", agreementId));
            assertThat(continuations(first, agreementId)).isZero();
        } // stopped before the deadline is due

        Thread.sleep(7_000); // due while nothing runs

        try (ConfigurableApplicationContext second = start()) {
            Eventually.await(Duration.ofSeconds(60), () -> continuations(second, agreementId), n -> n > 0);
            Thread.sleep(5_000); // several more polls of the scheduler
            assertThat(continuations(second, agreementId)).isEqualTo(1);
            // the one we brought forward was consumed; the agreement's own one survived the restart, and the
            // continuation scheduled the next period's end
            assertThat(PendingDeadlines.of(second)).containsExactlyInAnyOrder(endOfValidity(standing),
                    standing.validUntil().plusDays(1).plusMonths(24).atStartOfDay(LibraryTime.ZONE).toInstant());
            AgreementContinued continued = (AgreementContinued) second.getBean(EventStore.class)
                    .readEvents(agreementId, 0).asStream()
                    .filter(e -> e.getPayload() instanceof AgreementContinued).findFirst().orElseThrow().getPayload();
            assertThat(continued.periodStart()).isEqualTo(standing.validUntil().plusDays(1));
            assertThat(continued.validUntil()).isEqualTo(standing.validUntil().plusDays(1).plusMonths(24).minusDays(1));
            // the scheduler's polls find due deadlines by index, also on a store opened again
            assertThat(new JdbcTemplate(second.getBean(DataSource.class)).queryForList("SELECT DISTINCT INDEX_NAME "
                    + "FROM INFORMATION_SCHEMA.SYSTEM_INDEXINFO WHERE TABLE_NAME = 'SCHEDULED_TASKS'", String.class))
                    .contains("EXECUTION_TIME_IDX", "LAST_HEARTBEAT_IDX", "PRIORITY_EXECUTION_TIME_IDX");
        }
    }

    private static Instant endOfValidity(AgreementStanding standing) {
        return standing.validUntil().plusDays(1).atStartOfDay(LibraryTime.ZONE).toInstant();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).web(org.springframework.boot.WebApplicationType.NONE)
                .run("--lendpoint.data-dir=" + data, "--lendpoint.mongo.port=0", "--db-scheduler.polling-interval=1s");
    }

    private static long continuations(ConfigurableApplicationContext context, String agreementId) {
        return context.getBean(EventStore.class).readEvents(agreementId, 0).asStream()
                .filter(e -> e.getPayload() instanceof AgreementContinued).count();
    }
}
