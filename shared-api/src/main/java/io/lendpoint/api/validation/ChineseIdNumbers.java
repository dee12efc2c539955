package io.lendpoint.api.validation;

import io.lendpoint.api.LibraryTime;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Citizen identity number (公民身份号码) per GB 11643-1999: 18 characters, the first 17 digits (6-digit
 * address code, 8-digit birth date {@code yyyyMMdd} at positions 7–14, 3-digit sequence code) and a check
 * character over them: {@code "10X98765432".charAt(Σ digit(i)·weight(i) mod 11)} with weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 (2^(17-i) mod 11). The check character is a digit or an upper-case
 * {@code X}; a lower-case {@code x} is refused, as the standard writes it upper-case (clients should upper-case
 * before sending). The birth date must be a real calendar date, not before 1900-01-01 and not after today in
 * China Standard Time. The address code is not checked against the list of administrative divisions.
 */
public final class ChineseIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private ChineseIdNumbers() {
    }

    /** Whether {@code number} is a valid 18-character identity number, judging its birth date by today's date. */
    public static boolean isValid(String number) {
        return isValid(number, LibraryTime.today(Clock.systemUTC()));
    }

    /** As {@link #isValid(String)}, with the birth date judged against {@code today}. */
    public static boolean isValid(String number, LocalDate today) {
        if (number == null || number.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(number.charAt(i))) {
                return false;
            }
        }
        char check = number.charAt(17);
        if (!isAsciiDigit(check) && check != 'X') {
            return false;
        }
        return checkCharacter(number.substring(0, 17)) == check && hasPlausibleBirthDate(number, today);
    }

    /**
     * The check character (a digit or {@code X}) for the first 17 digits of an identity number.
     *
     * @throws IllegalArgumentException if {@code first17} is not exactly 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got "
                    + (first17 == null ? "null" : first17.length() + " characters"));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": " + c);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean hasPlausibleBirthDate(String number, LocalDate today) {
        int year = Integer.parseInt(number.substring(6, 10));
        int month = Integer.parseInt(number.substring(10, 12));
        int day = Integer.parseInt(number.substring(12, 14));
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, day);
        } catch (DateTimeException notARealDate) {
            return false;
        }
        return !birth.isBefore(EARLIEST_BIRTH_DATE) && !birth.isAfter(today);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
