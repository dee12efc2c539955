package io.lendpoint.api.personaldata;

/** A.6: how personal data is shown to everyone but the library administrator. */
public final class Masking {

    private Masking() {
    }

    /** {@code 440106199001011234} → {@code 4401**********1234}. */
    public static String maskIdNumber(String idNumber) {
        return keep(idNumber, 4, 4);
    }

    /** {@code 13800138000} → {@code 138****8000}. */
    public static String maskPhone(String phone) {
        return keep(phone, 3, 4);
    }

    /** {@code 李小明} → {@code 李**}. */
    public static String maskName(String name) {
        return keep(name, 1, 0);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
