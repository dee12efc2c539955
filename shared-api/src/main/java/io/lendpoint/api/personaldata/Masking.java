package io.lendpoint.api.personaldata;

/**
 * How query results show personal data (clause A.6): enough to recognise a person at the desk, not enough to
 * use the data elsewhere. Each method keeps a few characters at the ends and replaces every other character by
 * {@code '*'}, so the length stays visible. A value too short to hide anything while keeping those ends is
 * masked completely. Characters are counted as Unicode code points (a rare CJK character outside the BMP counts
 * as one). Null stays null.
 */
public final class Masking {

    /** Shown instead of a piece of personal data that was erased (A.6). */
    public static final String ERASED = "已删除 (erased)";

    private static final int MASK = '*';

    private Masking() {
    }

    /**
     * An identity number with its first 4 (province and city) and last 4 characters kept:
     * {@code 440106199001011234 → 4401**********1234}. Anything of 8 characters or fewer is masked completely.
     */
    public static String maskIdNumber(String idNumber) {
        return keepEnds(idNumber, 4, 4);
    }

    /**
     * A phone number with its first 3 and last 4 characters kept: {@code 13800138000 → 138****8000},
     * {@code 0757-83001234 → 075******1234}. Anything of 7 characters or fewer is masked completely.
     */
    public static String maskPhone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /**
     * A name with its first character (usually the family name) kept: {@code 李小明 → 李**}. A one-character
     * name is masked completely.
     */
    public static String maskName(String name) {
        return keepEnds(name, 1, 0);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int[] codePoints = value.codePoints().toArray();
        boolean tooShort = codePoints.length <= head + tail;
        StringBuilder masked = new StringBuilder(value.length());
        for (int i = 0; i < codePoints.length; i++) {
            boolean kept = !tooShort && (i < head || i >= codePoints.length - tail);
            masked.appendCodePoint(kept ? codePoints[i] : MASK);
        }
        return masked.toString();
    }
}
