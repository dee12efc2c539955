package io.lendpoint.standalone.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A small demo city for a newcomer's first look: {@code --lendpoint.demo-city.points=12} loads that many live service
 * points into a fresh (empty) standalone instance — applied, inspected, approved, under agreement with a card,
 * prepared and live; each with a received batch lent to its readers, feedback, a consultation, an activity and a
 * refresh schedule — through the real command path ({@link CityGenerator}, {@link CityGenerator.Shape#demo()}), so
 * the dashboards, evaluations and rankings are filled at once. Deterministic (seeded). The first point is
 * {@code sp-demo}, the demo manager's. Never runs on a store with events; at most 200 points.
 */
@Component
class DemoCity {

    static final long SEED = 20261126L;
    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    private final CommandGateway commands;
    private final EventStore events;
    private final int points;

    DemoCity(CommandGateway commands, EventStore events, @Value("${lendpoint.demo-city.points:0}") int points) {
        this.commands = commands;
        this.events = events;
        this.points = points;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (points <= 0) {
            return;
        }
        TrackingToken head = events.createHeadToken();
        if (head != null && head.position().orElse(-1) >= 0) {
            log.warn("demo city not loaded: the event store is not empty");
            return;
        }
        CityGenerator city = new CityGenerator(commands, SEED, CityGenerator.Shape.demo());
        for (int i = 0; i < Math.min(points, 200); i++) {
            city.point(i);
            log.info("demo city: {} of {} points loaded", i + 1, points);
        }
    }
}
