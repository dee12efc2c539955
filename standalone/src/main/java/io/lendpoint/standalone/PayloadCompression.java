package io.lendpoint.standalone;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the embedded event store keeps a large payload: a serialized payload, metadata or snapshot of at least
 * {@value #THRESHOLD} bytes is stored gzip-compressed (RFC 1952, the fastest level), anything smaller as it is.
 * Issue 8: a 2000-item batch's picking and shipping events are ~250 kB of JSON each and half the city's event bytes;
 * compressed they are 12–30 kB (20× for the benchmark city's items, 8× for the demo city's) in ~0.5 ms, read back in
 * ~0.25 ms. Small events would gain little and pay on every read.
 *
 * <p>A stored value is told apart by its first two bytes: gzip's magic number {@code 1F 8B}. The event serializer
 * writes JSON text, which never starts with byte {@code 1F}, so rows written before this existed read as they are,
 * and a stored row can be inspected with any gzip tool. gzip's trailer keeps a CRC-32 of the payload (checked on every
 * read) and its length.
 */
public final class PayloadCompression {

    /** Payloads of at least this many bytes are compressed. */
    static final int THRESHOLD = 4096;

    private static final int HEADER_AND_TRAILER = 18;

    /** Deflate cannot expand data more than about 1032 times (zlib's technical details); a trailer saying more is damaged. */
    private static final int MAX_DEFLATE_RATIO = 1032;

    private PayloadCompression() {
    }

    /** The bytes to store for {@code data}: compressed if it is large and compressing makes it smaller. */
    static byte[] compress(byte[] data) {
        if (data == null || data.length < THRESHOLD) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4);
        try (GZIPOutputStream gzip = new FastestGzip(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] compressed = out.toByteArray();
        return compressed.length < data.length ? compressed : data;
    }

    /** Whether {@code stored} was compressed by {@link #compress}. */
    public static boolean isCompressed(byte[] stored) {
        return stored != null && stored.length >= HEADER_AND_TRAILER && stored[0] == (byte) 0x1F
                && stored[1] == (byte) 0x8B;
    }

    /** The payload as serialized, from what the store holds (compressed or not). */
    public static byte[] expand(byte[] stored) {
        if (!isCompressed(stored)) {
            return stored;
        }
        long length = originalLength(stored);
        if (length > (long) stored.length * MAX_DEFLATE_RATIO || length > Integer.MAX_VALUE - 8) { // damaged
            throw new IllegalStateException("stored payload's gzip length " + length + " is impossible for "
                    + stored.length + " compressed bytes");
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored), 8192)) {
            byte[] data = new byte[(int) length];
            int read = gzip.readNBytes(data, 0, data.length);
            if (read != data.length || gzip.read() != -1) { // reading to the end checks the CRC and the length
                throw new IllegalStateException("stored payload does not match its gzip length");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload is not valid gzip", e);
        }
    }

    /** How many bytes the payload had as serialized: the length of {@code stored}, or gzip's recorded length. */
    public static long originalLength(byte[] stored) {
        if (!isCompressed(stored)) {
            return stored == null ? 0 : stored.length;
        }
        int end = stored.length;
        return (stored[end - 4] & 0xFFL) | (stored[end - 3] & 0xFFL) << 8 | (stored[end - 2] & 0xFFL) << 16
                | (stored[end - 1] & 0xFFL) << 24;
    }

    /** gzip at {@link Deflater#BEST_SPEED}: 8.3× on a demo city's shipping, 10× at the default level in 2.7× the time. */
    private static final class FastestGzip extends GZIPOutputStream {

        FastestGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
