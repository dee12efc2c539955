import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/** Prints "count payloadBytes" of a stopped standalone event store: java -cp hsqldb.jar bench/CountEvents.java <dir>/eventstore/events */
public class CountEvents {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + args[0] + ";hsqldb.lock_file=false;shutdown=true", "SA", "");
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            r.next();
            System.out.println(r.getLong(1));
        }
    }
}
