package io.lendpoint.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one directory that holds everything of a standalone instance: {@code eventstore/} (HSQLDB),
 * {@code projections/} (the Mongo-wire server's H2 file) and {@code vault/} (the personal data keys, HSQLDB, kept
 * apart from the event store so that deleting a key erases; readable by the owner only where the file system
 * allows). Held with an operating-system lock for the life of
 * the process, so a second instance on the same directory fails at once with a clear message; the OS releases
 * the lock when the process ends, even by {@code kill -9}, so a crashed instance restarts at once.
 */
public final class DataDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static DataDirectory open(Path root) {
        try {
            Path absolute = root.toAbsolutePath().normalize();
            Files.createDirectories(absolute.resolve("eventstore"));
            Files.createDirectories(absolute.resolve("projections"));
            Path vault = Files.createDirectories(absolute.resolve("vault"));
            if (Files.getFileAttributeView(vault, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(vault, PosixFilePermissions.fromString("rwx------"));
            }
            FileChannel channel = FileChannel.open(absolute.resolve("lendpoint.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Data directory " + absolute + " is in use by another Lendpoint "
                        + "process; stop it or choose another directory with --lendpoint.data-dir=…");
            }
            log.info("Lendpoint data directory: {}", absolute);
            return new DataDirectory(absolute, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open data directory " + root, e);
        }
    }

    /** Null when another process holds the lock, or this one does already (the JVM reports that differently). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    public Path root() {
        return root;
    }

    public Path eventStore() {
        return root.resolve("eventstore");
    }

    public Path projections() {
        return root.resolve("projections");
    }

    /** The personal data key store (clause A.6), outside the event store. */
    public Path vault() {
        return root.resolve("vault");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
