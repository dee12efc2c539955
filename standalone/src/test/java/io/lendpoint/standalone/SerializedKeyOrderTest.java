package io.lendpoint.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection store's index key order ({@link SerializedKeyOrder}) is the stock one: existing stores are sorted
 * by it, so a different order would lose documents on look-up.
 */
class SerializedKeyOrderTest {

    private final ObjectDataType stock = new ObjectDataType();
    private final SerializedKeyOrder fast = new SerializedKeyOrder();

    @TempDir
    Path data;

    @Test
    @DisplayName("string keys are ordered as the stock key type orders their serialised bytes")
    void sameOrderAsStock() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(random);
            // half the pairs share a prefix, so that the comparison often reaches the bytes of equal lengths
            String b = random.nextBoolean() ? a.substring(0, random.nextInt(a.length() + 1)) + randomString(random)
                    : randomString(random);
            assertSameOrder(new KeyValue(a), new KeyValue(b));
            assertSameOrder(new KeyValue(a), new KeyValue(a));
        }
    }

    @Test
    @DisplayName("edge cases: the empty string, NUL, surrogates, a string over 65,535 bytes")
    void edgeCases() {
        List<String> strings = List.of("", "\u0000", "\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\uD83D\uDE00",
                "\uD83D", "a\u0000", "a\u0001", "ab", "b", "图书", "图", "sp-1", "sp-10", "sp-2",
                "x".repeat(65_535), "x".repeat(65_536), "图".repeat(21_845), "图".repeat(21_846));
        for (String a : strings) {
            for (String b : strings) {
                assertSameOrder(new KeyValue(a), new KeyValue(b));
            }
        }
    }

    @Test
    @DisplayName("keys that are not one string are compared by the stock type")
    void otherKeys() {
        List<KeyValue> keys = List.of(new KeyValue("a"), new KeyValue(1), new KeyValue(2L), new KeyValue("a", 1),
                new KeyValue("a", "a"), new KeyValue("b", 0), new KeyValue(1.5));
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertSameOrder(a, b);
            }
        }
    }

    @Test
    @DisplayName("an index written with the stock key type is read back whole with this one, and takes new keys")
    void readsAStockIndex() {
        String file = data.resolve("index.mv").toString();
        Random random = new Random(5);
        List<String> written = new ArrayList<>();
        MVStore before = new MVStore.Builder().fileName(file).open();
        MVMap<KeyValue, Object> stockIndex = before.openMap("i");
        for (int i = 0; i < 5_000; i++) {
            String key = random.nextInt(4) == 0 ? randomString(random) : "BC" + random.nextInt(1_000_000);
            written.add(key);
            stockIndex.put(new KeyValue(key), (long) i);
        }
        List<KeyValue> stockOrder = new ArrayList<>(stockIndex.keySet());
        before.close();

        MVStore after = new MVStore.Builder().fileName(file).open();
        MVMap<KeyValue, Object> index = after.openMap("i", new MVMap.Builder<KeyValue, Object>().keyType(fast));
        assertThat(new ArrayList<>(index.keySet())).isEqualTo(stockOrder);
        for (String key : written) {
            assertThat(index.get(new KeyValue(key))).as(key).isNotNull();
        }
        index.put(new KeyValue("new-key"), -1L);
        assertThat(index.get(new KeyValue("new-key"))).isEqualTo(-1L);
        assertThat(index.get(new KeyValue("absent"))).isNull();
        after.close();
    }

    private void assertSameOrder(KeyValue a, KeyValue b) {
        assertThat(Integer.signum(fast.compare(a, b)))
                .as("%s vs %s", a, b)
                .isEqualTo(Integer.signum(stock.compare(a, b)));
    }

    /** Strings of every UTF-8 width, NUL and lone surrogates included. */
    private static String randomString(Random random) {
        StringBuilder string = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> string.append((char) random.nextInt(0x80));
                case 1 -> string.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> string.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 3 -> string.append((char) random.nextInt(0x10000));
                case 4 -> string.append('\u0000');
                default -> string.append((char) ('a' + random.nextInt(3)));
            }
        }
        return string.toString();
    }
}
