package io.lendpoint.platform.jdbc;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests of distributed mode's JDBC parts, started from the machine's own
 * PostgreSQL binaries (Debian's {@code postgresql} package: {@code /usr/lib/postgresql/<version>/bin}, or the directory
 * named by the environment variable {@value #BIN_VARIABLE}) in a new temporary directory, on a free loopback port, once
 * per test JVM, and stopped when the JVM ends. No Docker is needed. Where no binaries are found, {@link #server()}
 * aborts the calling test as skipped, like the Testcontainers tests without Docker; where they are found and the
 * server does not start, the test fails. A test JVM killed outright leaves its server running (loopback only, in
 * the temporary directory) until the machine's next start.
 *
 * <p>PostgreSQL refuses to run as {@code root}; run as {@code root} (as CI is), the server runs as the {@code postgres}
 * user the package creates, through {@code runuser}. Each test takes its own database ({@link #newDatabase()}).
 * {@code fsync} is off: these tests are about SQL and concurrency, not about the server's durability.
 */
public final class LocalPostgres {

    /** Environment variable naming a directory with {@code initdb} and {@code pg_ctl}, to use instead of the search. */
    public static final String BIN_VARIABLE = "LENDPOINT_POSTGRES_BIN";

    private static final String USER = "lendpoint";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres server;
    private static String unavailable;
    private static IllegalStateException failed;

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * The server of this JVM, started on first use. The calling test is skipped where there are no PostgreSQL
     * binaries; where there are and the server does not start, it fails (with the server's log), so a green build
     * never hides tests that did not run.
     */
    public static synchronized LocalPostgres server() {
        if (server == null && unavailable == null && failed == null) {
            try {
                server = start();
            } catch (Unavailable e) {
                unavailable = e.getMessage();
            } catch (IllegalStateException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        Assumptions.assumeTrue(server != null, () -> "no local PostgreSQL server: " + unavailable);
        return server;
    }

    /** A new, empty database of its own, as a data source that opens a new connection on every call. */
    public DataSource newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + url("postgres"), e);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url(name));
        dataSource.setUser(USER);
        return dataSource;
    }

    /** The server's version, e.g. {@code 15.18}. */
    public String version() {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "")) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static LocalPostgres start() throws Unavailable {
        Path bin = binaries().orElseThrow(() -> new Unavailable("no initdb and pg_ctl found in $" + BIN_VARIABLE
                + " or /usr/lib/postgresql/*/bin (Debian package postgresql)"));
        boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        if (root && !Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            throw new Unavailable("running as root, and no runuser to start PostgreSQL as user postgres");
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("lendpoint-postgres");
            if (root) {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            }
            LocalPostgres started = new LocalPostgres(bin, directory, freePort(), root);
            started.run(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-A", "trust",
                    "-U", USER, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            try {
                started.startServer();
            } catch (IOException portTaken) { // the free port may have been taken since: once more on another
                started = new LocalPostgres(bin, directory, freePort(), root);
                started.startServer();
            }
            LocalPostgres running = started;
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "local-postgres-stop"));
            return running;
        } catch (IOException e) {
            String log = "";
            try {
                if (directory != null && Files.exists(directory.resolve("server.log"))) {
                    log = "\nserver.log:\n" + Files.readString(directory.resolve("server.log"));
                }
            } catch (IOException unreadable) {
                // no log to show
            }
            delete(directory);
            throw new IllegalStateException("PostgreSQL from " + bin + " did not start: " + e.getMessage() + log, e);
        }
    }

    private void startServer() throws IOException {
        run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-w",
                "-l", directory.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=200",
                "start");
    }

    private void stop() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop");
        } catch (IOException | RuntimeException e) {
            // the JVM is ending; the server's directory is in the temporary directory
        }
        delete(directory);
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left in the temporary directory
        }
    }

    private void run(String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (asPostgresUser) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Path output = Files.createTempFile("lendpoint-postgres", ".out");
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", line) + " did not end within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", line) + " exited with " + process.exitValue() + ": "
                        + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Optional<Path> binaries() {
        String named = System.getenv(BIN_VARIABLE);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(LocalPostgres::hasServer);
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.map(version -> version.resolve("bin")).filter(LocalPostgres::hasServer)
                    .max(Comparator.comparing(LocalPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
                && Files.isExecutable(bin.resolve("postgres"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }
}
