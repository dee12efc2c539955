package io.lendpoint.standalone;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is up, brings {@link TimeSeek}'s marks of the event stream up to date on a thread of its own,
 * so that the first dated audit search after a start does not mark what was appended since the last one (on a store
 * that has no marks yet, the whole stream: 3.5 s at 500 points). A search meanwhile does not wait for it: it answers
 * with the marks there are, as exactly, its walk longer.
 */
@Component
class TimeMarksAtStart {

    private static final Logger log = LoggerFactory.getLogger(TimeMarksAtStart.class);

    private final TimeSeek timeSeek;

    TimeMarksAtStart(TimeSeek timeSeek) {
        this.timeSeek = timeSeek;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Thread marking = new Thread(this::mark, "event-time-marks");
        marking.setDaemon(true); // a stop does not wait for it; its transaction is then rolled back
        marking.start();
    }

    private void mark() {
        long start = System.nanoTime();
        try {
            int marked = timeSeek.mark(EventSchema.builder().build()); // Axon's default names, as the engine's
            if (marked > 0) {
                log.info("Event store: {} blocks of the stream marked with their latest time stamp in {} ms", marked,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (Exception e) { // the next dated search marks instead
            log.warn("Event store: the stream's time marks were not brought up to date at start: {}", e.toString());
        }
    }
}
