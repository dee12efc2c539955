package io.lendpoint.query.projections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * The CLI way to rebuild projections: {@code --lendpoint.replay=batches,evaluation-facts} (or {@code all}) resets
 * those processors once the application is up; progress is logged and shown at {@code /api/admin/projections}.
 */
@Component
class ReplayOnStartup {

    private static final Logger log = LoggerFactory.getLogger(ReplayOnStartup.class);

    private final Projections projections;
    private final List<String> names;

    ReplayOnStartup(Projections projections, @Value("${lendpoint.replay:}") String names) {
        this.projections = projections;
        this.names = Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void replayRequested() {
        List<String> chosen = names.contains("all")
                ? projections.all().stream().map(ProjectionStatus::name).toList() : names;
        for (String name : chosen) {
            ProjectionStatus started = projections.replay(name);
            log.info("replay of {} started: {} events to the head", name, started.replayTarget() + 1);
        }
    }
}
