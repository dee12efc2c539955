package io.lendpoint.standalone;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The event store of a data directory whose application is not running (killed, or stopped), opened directly:
 * HSQLDB replays its log on open, as the application would on its next start. Closing the connection shuts the
 * database down.
 */
public final class OfflineEventStore {

    private OfflineEventStore() {
    }

    public static Connection open(Path dataDirectory) throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + dataDirectory.resolve("eventstore").resolve("events")
                + ";hsqldb.lock_file=false;shutdown=true", "SA", "");
    }
}
