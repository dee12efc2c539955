package io.lendpoint.query.servicepoint;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import java.util.HexFormat;

/**
 * Chinese names in the order a Chinese reader looks for them: by pinyin (CLDR's default collation for Chinese, by
 * ICU4J): 禅城区, 南海区, 顺德区; 佛山, 美的, 南海, 祖庙. MongoDB orders strings by code point, which puts 美的
 * (U+7F8E, měi) after 祖庙 (U+7956, zǔ); the embedded server has no collation, and the JDK's Chinese rules leave
 * out characters as common as 禅. So a list sorts by a stored key: the ICU collation key in hexadecimal, whose
 * code-point order is the collation's order. {@link #VERSION} names the collation the keys were made with; keys of
 * another version are made again at start-up ({@link ServicePointOrderKeys}).
 */
final class PinyinOrder {

    private static final Collator CHINESE = Collator.getInstance(ULocale.CHINESE).freeze();

    /** ICU's version of the collation: keys of different versions do not compare. */
    static final String VERSION = "icu-" + CHINESE.getVersion();

    private PinyinOrder() {
    }

    /** The sort key of {@code text}; {@code null} for none. */
    static String key(String text) {
        return text == null ? null : HexFormat.of().formatHex(CHINESE.getCollationKey(text).toByteArray());
    }
}
