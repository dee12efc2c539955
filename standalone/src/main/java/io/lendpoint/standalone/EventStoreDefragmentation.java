package io.lendpoint.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Issue 8: the event store's free space is reclaimed at a quiet hour, not while staff are waiting. Deleted rows
 * (released barcode claims, replaced snapshots, fired deadlines, expired idempotency keys) leave free space in
 * HSQLDB's file. Reclaiming it rewrites the whole file and holds every write until it is done: 60 s for the
 * 2,000-point city's 4 GB. Left to HSQLDB's own checkpoints ({@code SET FILES DEFRAG 30}, issue 8's first fix), it
 * ran whenever the log filled up, inside whichever command was committing then: the likeliest cause of the commands
 * that waited up to 59 s in the sixteenth benchmark run (docs/benchmarks.md). So the day's checkpoints never
 * defragment ({@code SET FILES DEFRAG 0}, {@link EmbeddedEventStoreConfig}), and every night
 * ({@code lendpoint.event-store.defrag-cron}, 03:30 in the library's time zone, after the evaluation preparation;
 * {@code -} never) this runs {@code CHECKPOINT DEFRAG} if at least
 * {@code lendpoint.event-store.defrag-at-free-percent} (10) of the file is lost to deleted rows. A store created
 * with table spaces reuses most of that space itself; one created before them depends on this. Commands sent while
 * it runs wait for it. On the scheduler's thread: dead-letter and mail retries wait for it too, which is harmless
 * at that hour, and the next night's run is scheduled only once this one has ended.
 */
@Component
class EventStoreDefragmentation {

    private static final Logger log = LoggerFactory.getLogger(EventStoreDefragmentation.class);

    private final JdbcTemplate jdbc;
    private final int atFreePercent;

    EventStoreDefragmentation(DataSource dataSource,
                              @Value("${lendpoint.event-store.defrag-at-free-percent:" + LostSpace.NIGHTLY_PERCENT + "}") int atFreePercent) {
        if (atFreePercent < 0 || atFreePercent > 100) {
            throw new IllegalArgumentException("lendpoint.event-store.defrag-at-free-percent must be 0 to 100, not "
                    + atFreePercent);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.atFreePercent = atFreePercent;
    }

    @Scheduled(cron = "${lendpoint.event-store.defrag-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void defragmentEveryNight() {
        try {
            defragmentIfWorthIt();
        } catch (RuntimeException e) {
            log.warn("event store not defragmented (the file only keeps its free space)", e);
        }
    }

    /**
     * Rewrites the event store's file without its free space if at least the configured share of it is lost to
     * deleted rows ({@link LostSpace}); whether it did.
     */
    boolean defragmentIfWorthIt() {
        LostSpace space = jdbc.execute((ConnectionCallback<LostSpace>) LostSpace::of);
        if (!space.atLeast(atFreePercent)) {
            log.info("event store not defragmented: {} of {} bytes free, under {}%", space.lostBytes(),
                    space.fileEnd(), atFreePercent);
            return false;
        }
        long start = System.nanoTime();
        jdbc.execute("CHECKPOINT DEFRAG");
        log.info("event store defragmented: {} of {} bytes were free; {} ms", space.lostBytes(), space.fileEnd(),
                (System.nanoTime() - start) / 1_000_000);
        return true;
    }
}
