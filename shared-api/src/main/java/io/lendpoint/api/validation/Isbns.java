package io.lendpoint.api.validation;

/**
 * International Standard Book Numbers (ISO 2108).
 * <ul>
 *   <li>ISBN-10: nine digits and a check character, {@code Σ digit(i)·(10−i) ≡ 0 (mod 11)} over all ten
 *       positions, where a check value of 10 is written {@code X} (only in the last position);</li>
 *   <li>ISBN-13: thirteen digits starting with the EAN prefix {@code 978} or {@code 979},
 *       {@code Σ digit(i)·(1 or 3, alternating) ≡ 0 (mod 10)}.</li>
 * </ul>
 * Both forms may be written with hyphens or spaces between the groups ({@code 978-7-111-54742-6}); they are
 * stripped by {@link #normalise(String)}, which also upper-cases a check character {@code x}. The grouping
 * itself (registration group, registrant, publication) is not checked against the ISBN ranges.
 */
public final class Isbns {

    private Isbns() {
    }

    /**
     * The ISBN without hyphens and spaces, with a lower-case {@code x} upper-cased; {@code null} stays
     * {@code null}. Does not check validity.
     */
    public static String normalise(String isbn) {
        if (isbn == null) {
            return null;
        }
        StringBuilder normalised = new StringBuilder(isbn.length());
        for (int i = 0; i < isbn.length(); i++) {
            char c = isbn.charAt(i);
            if (c == '-' || c == ' ') {
                continue;
            }
            normalised.append(c == 'x' ? 'X' : c);
        }
        return normalised.toString();
    }

    /** Whether {@code isbn} is a valid ISBN-10 or ISBN-13 after {@link #normalise(String) normalisation}. */
    public static boolean isValid(String isbn) {
        String normalised = normalise(isbn);
        if (normalised == null) {
            return false;
        }
        return switch (normalised.length()) {
            case 10 -> isValidIsbn10(normalised);
            case 13 -> isValidIsbn13(normalised);
            default -> false;
        };
    }

    /**
     * The ISBN-13 ({@code 978} prefix, normalised, without hyphens) of a valid ISBN-10.
     *
     * @throws IllegalArgumentException if {@code isbn10} is not a valid ISBN-10
     */
    public static String toIsbn13(String isbn10) {
        String normalised = normalise(isbn10);
        if (normalised == null || normalised.length() != 10 || !isValidIsbn10(normalised)) {
            throw new IllegalArgumentException("not a valid ISBN-10: " + isbn10);
        }
        String first12 = "978" + normalised.substring(0, 9);
        return first12 + isbn13CheckDigit(first12);
    }

    private static boolean isValidIsbn10(String isbn) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = isbn.charAt(i);
            int value;
            if (isAsciiDigit(c)) {
                value = c - '0';
            } else if (c == 'X' && i == 9) {
                value = 10;
            } else {
                return false;
            }
            sum += value * (10 - i);
        }
        return sum % 11 == 0;
    }

    private static boolean isValidIsbn13(String isbn) {
        for (int i = 0; i < 13; i++) {
            if (!isAsciiDigit(isbn.charAt(i))) {
                return false;
            }
        }
        if (!isbn.startsWith("978") && !isbn.startsWith("979")) {
            return false;
        }
        return isbn13CheckDigit(isbn.substring(0, 12)) == isbn.charAt(12);
    }

    private static char isbn13CheckDigit(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
