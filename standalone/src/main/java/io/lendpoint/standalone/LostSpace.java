package io.lendpoint.standalone;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How much of the event store's file is lost to deleted rows: the space HSQLDB has not reused
 * ({@code FILE_LOST_BYTES}, kept across restarts) against the end of the file ({@code FILE_FREE_POS}). What
 * {@link EventStoreDefragmentation} decides by, and what the benchmark and the tests read.
 */
public record LostSpace(long lostBytes, long fileEnd) {

    /** The share {@link EventStoreDefragmentation} waits for unless configured otherwise. */
    public static final int NIGHTLY_PERCENT = 10;

    public static LostSpace of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet cache = statement.executeQuery(
                     "SELECT FILE_LOST_BYTES, FILE_FREE_POS FROM INFORMATION_SCHEMA.SYSTEM_CACHEINFO")) {
            cache.next();
            return new LostSpace(cache.getLong(1), cache.getLong(2));
        }
    }

    /** At least {@code percent} of a file of some length is lost. */
    public boolean atLeast(int percent) {
        return fileEnd > 0 && lostBytes * 100 >= (long) percent * fileEnd;
    }

    public double share() {
        return fileEnd == 0 ? 0 : (double) lostBytes / fileEnd;
    }
}
