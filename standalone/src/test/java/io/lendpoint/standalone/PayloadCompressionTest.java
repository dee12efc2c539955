package io.lendpoint.standalone;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 8: what the embedded event store keeps of a payload ({@link PayloadCompression}). */
class PayloadCompressionTest {

    private static byte[] json(int items) {
        StringBuilder text = new StringBuilder("{\"batchId\":\"b-1\",\"items\":[");
        for (int i = 1; i <= items; i++) {
            text.append(i > 1 ? "," : "").append("{\"barcode\":\"D%05d\",\"title\":\"示范图书 %d\",\"listPrice\":%d.00}"
                    .formatted(i, i, 20 + i % 40));
        }
        return text.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a large payload is stored as standard gzip, several times smaller, and reads back byte for byte")
    void largePayloadCompressed() throws Exception {
        byte[] payload = json(2000);
        byte[] stored = PayloadCompression.compress(payload);

        assertThat(PayloadCompression.isCompressed(stored)).isTrue();
        assertThat(stored.length).isLessThan(payload.length / 4);
        assertThat(PayloadCompression.originalLength(stored)).isEqualTo(payload.length);
        assertThat(PayloadCompression.expand(stored)).isEqualTo(payload);
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            assertThat(gzip.readAllBytes()).as("readable by any gzip tool").isEqualTo(payload);
        }
    }

    @Test
    @DisplayName("a payload under the threshold, or one compression would not shrink, is stored as it is")
    void smallOrIncompressibleKept() {
        byte[] small = json(3);
        assertThat(small.length).isLessThan(PayloadCompression.THRESHOLD);
        assertThat(PayloadCompression.compress(small)).isSameAs(small);

        byte[] noise = new byte[PayloadCompression.THRESHOLD * 2];
        new Random(7).nextBytes(noise);
        noise[0] = '{';
        assertThat(PayloadCompression.compress(noise)).isSameAs(noise);
        assertThat(PayloadCompression.compress(null)).isNull();
    }

    @Test
    @DisplayName("rows stored before compression existed, plain JSON of any size, read as they are")
    void plainRowsReadAsTheyAre() {
        for (byte[] plain : new byte[][] {json(1), json(2000), "[]".getBytes(StandardCharsets.UTF_8), new byte[0]}) {
            assertThat(PayloadCompression.isCompressed(plain)).isFalse();
            assertThat(PayloadCompression.expand(plain)).isSameAs(plain);
            assertThat(PayloadCompression.originalLength(plain)).isEqualTo(plain.length);
        }
        assertThat(PayloadCompression.expand(null)).isNull();
        assertThat(PayloadCompression.originalLength(null)).isZero();
    }

    @Test
    @DisplayName("a damaged compressed row fails loudly instead of reading as other data")
    void damagedRowFails() {
        byte[] stored = PayloadCompression.compress(json(500));
        byte[] flipped = stored.clone();
        flipped[flipped.length / 2] ^= 0x55;
        assertThatThrownBy(() -> PayloadCompression.expand(flipped)).isInstanceOf(RuntimeException.class);

        byte[] badLength = stored.clone();
        badLength[badLength.length - 4] ^= 0x01; // gzip's recorded length, one byte more or less
        assertThatThrownBy(() -> PayloadCompression.expand(badLength)).isInstanceOf(RuntimeException.class);

        byte[] hugeLength = stored.clone();
        hugeLength[hugeLength.length - 1] = (byte) 0x7F; // ~2 GB claimed: refused before anything is allocated
        assertThatThrownBy(() -> PayloadCompression.expand(hugeLength)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("impossible");
    }
}
