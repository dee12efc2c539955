package io.lendpoint.standalone;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** When the pending Axon deadlines in db-scheduler's table are due (one entry per deadline). */
final class PendingDeadlines {

    private PendingDeadlines() {
    }

    static List<Instant> of(ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
                "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", OffsetDateTime.class)
                .stream().map(OffsetDateTime::toInstant).toList();
    }
}
