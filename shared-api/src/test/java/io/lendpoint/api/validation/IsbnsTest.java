package io.lendpoint.api.validation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsbnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"9787111547426", "9780306406157", "9787300100111", "0306406152", "080442957X",
            "711154742X", "7506304759"})
    @DisplayName("§5.2 A.1.3 ISBN-10 and ISBN-13 with a correct check digit are accepted, X as ISBN-10 check 10")
    void validIsbns(String isbn) {
        assertThat(Isbns.isValid(isbn)).isTrue();
        assertThat(new Isbn.Validator().isValid(isbn, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"978-7-111-54742-6", "978 7 111 54742 6", "978-0-306-40615-7", "0-306-40615-2",
            "0-8044-2957-X", "0-8044-2957-x", "7-111-54742-x", "979-10-90636-07-1"})
    @DisplayName("§5.2 hyphenated and spaced forms, a lower-case x and the 979 prefix are accepted")
    void writtenForms(String isbn) {
        assertThat(Isbns.isValid(isbn)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"978-7-111-54742-6, 9787111547426", "0-8044-2957-x, 080442957X", "'7 111 54742 X', 711154742X",
            "9787111547426, 9787111547426"})
    @DisplayName("§5.2 normalising strips hyphens and spaces and upper-cases x")
    void normalise(String written, String normalised) {
        assertThat(Isbns.normalise(written)).isEqualTo(normalised);
        assertThat(Isbns.normalise(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9787111547427", "0306406153", "0804429570",
            // prefix other than 978/979 (check digit correct for the 13 digits)
            "9770306406158", "1234567890128",
            // wrong length
            "978711154742", "97871115474266", "030640615", "03064061522", "",
            // X anywhere but the last position of an ISBN-10, X in an ISBN-13, other characters
            "X306406152", "978711154742X", "0306406l52", "978_7111547426", "９７８７１１１５４７４２６"})
    @DisplayName("§5.2 a wrong check digit, a bad prefix, a wrong length or stray characters are refused")
    void invalidIsbns(String isbn) {
        assertThat(Isbns.isValid(isbn)).isFalse();
        assertThat(new Isbn.Validator().isValid(isbn, null)).isFalse();
    }

    @Test
    @DisplayName("§5.2 null is left to @NotNull; Isbns.isValid(null) is false")
    void nullHandling() {
        assertThat(new Isbn.Validator().isValid(null, null)).isTrue();
        assertThat(Isbns.isValid(null)).isFalse();
    }

    @Test
    @DisplayName("§5.2 every single-digit change of a valid ISBN-13 is detected")
    void everySubstitutionInIsbn13() {
        assertEverySubstitutionDetected("9787111547426", "0123456789");
    }

    @Test
    @DisplayName("§5.2 every single-character change of a valid ISBN-10 is detected, including to and from X")
    void everySubstitutionInIsbn10() {
        assertEverySubstitutionDetected("0306406152", "0123456789X");
        assertEverySubstitutionDetected("080442957X", "0123456789X");
    }

    @ParameterizedTest
    @CsvSource({"0306406152, 9780306406157", "0-8044-2957-X, 9780804429573", "711154742x, 9787111547426"})
    @DisplayName("§5.2 an ISBN-10 converts to its 978 ISBN-13 with a recomputed check digit")
    void toIsbn13(String isbn10, String isbn13) {
        assertThat(Isbns.toIsbn13(isbn10)).isEqualTo(isbn13);
        assertThat(Isbns.isValid(Isbns.toIsbn13(isbn10))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0306406153", "9780306406157", "abc"})
    @DisplayName("§5.2 converting anything but a valid ISBN-10 is refused")
    void toIsbn13Refused(String notIsbn10) {
        assertThatThrownBy(() -> Isbns.toIsbn13(notIsbn10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertEverySubstitutionDetected(String valid, String alphabet) {
        assertThat(Isbns.isValid(valid)).as(valid).isTrue();
        for (int position = 0; position < valid.length(); position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
                assertThat(Isbns.isValid(changed)).as(changed).isFalse();
            }
        }
    }
}
