package io.lendpoint.query.servicepoint;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PinyinOrderTest {

    @Test
    @DisplayName("Foshan's five districts and some point names sort by pinyin when sorted by their keys as strings")
    void keysSortByPinyin() {
        List<String> districts = List.of("禅城区", "高明区", "南海区", "三水区", "顺德区"); // chán gāo nán sān shùn
        List<String> names = List.of("2号书屋", "佛山市第一小学", "美的集团职工书屋", "南海实验小学", "祖庙街道社区书屋");
        for (List<String> expected : List.of(districts, names)) {
            List<String> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new Random(7));
            shuffled.sort(Comparator.comparing(PinyinOrder::key)); // String order: what MongoDB sorts by
            assertThat(shuffled).isEqualTo(expected);
        }
        assertThat(districts).as("their code-point order differs").isNotEqualTo(districts.stream().sorted().toList());
    }

    @Test
    @DisplayName("a key is hexadecimal, the same for the same text, and none for no text")
    void keysAreStable() {
        assertThat(PinyinOrder.key("禅城区")).matches("[0-9a-f]+").isEqualTo(PinyinOrder.key("禅城区"));
        assertThat(PinyinOrder.key(null)).isNull();
        assertThat(PinyinOrder.VERSION).startsWith("icu-");
    }
}
