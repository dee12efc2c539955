package io.lendpoint.api.validation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChineseIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002X", // the example of GB 11643-1999 itself: check character X
            "11010120000229000X", // 29 February of a leap year
            "440106199001011235",
            "440604198506120031",
            "320102197803011016",
            "310115190012314000", // born in 1900
            "440304200510158888"})
    @DisplayName("A.6 identity numbers with a correct GB 11643 check character (digit or X) are accepted")
    void validNumbers(String number) {
        assertThat(ChineseIdNumbers.isValid(number, TODAY)).isTrue();
        assertThat(ChineseIdNumbers.isValid(number)).isTrue();
        assertThat(new ChineseIdNumber.Validator().isValid(number, null)).isTrue();
    }

    @Test
    @DisplayName("A.6 the check character is computed per GB 11643 (weights 7 9 10 5 8 4 2 1 6 3 …, \"10X98765432\")")
    void checkCharacters() {
        assertThat(ChineseIdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ChineseIdNumbers.checkCharacter("44010619900101123")).isEqualTo('5');
        assertThat(ChineseIdNumbers.checkCharacter("44010619900101125")).isEqualTo('1');
        assertThat(ChineseIdNumbers.checkCharacter("31011519001231400")).isEqualTo('0');
        assertThatIllegalArgumentException().isThrownBy(() -> ChineseIdNumbers.checkCharacter("4401061990010112"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChineseIdNumbers.checkCharacter("4401061990010112X"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChineseIdNumbers.checkCharacter(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021", // check character should be X
            "440106199001011234", // check character should be 5
            "11010519491231002x", // lower-case x
            "440106199001011X35", // letter inside
            "44010619900101123",  // 17 characters
            "4401061990010112355", // 19 characters
            "440106900101123",    // the old 15-digit form
            "４40106199001011235", // full-width digit
            ""})
    @DisplayName("A.6 a wrong check character, length or character is refused")
    void invalidNumbers(String number) {
        assertThat(ChineseIdNumbers.isValid(number, TODAY)).isFalse();
        assertThat(new ChineseIdNumber.Validator().isValid(number, null)).isFalse();
    }

    @Test
    @DisplayName("A.6 every single-digit substitution in a valid identity number is detected")
    void everySingleSubstitutionIsDetected() {
        for (String valid : new String[]{"11010519491231002X", "440106199001011235"}) {
            for (int position = 0; position < 18; position++) {
                for (char replacement : "0123456789X".toCharArray()) {
                    if (replacement == valid.charAt(position)) {
                        continue;
                    }
                    String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThat(ChineseIdNumbers.isValid(changed, TODAY)).as(changed).isFalse();
                }
            }
        }
    }

    @Test
    @DisplayName("A.6 the birth date must be a real date, not before 1900 and not in the future")
    void implausibleBirthDates() {
        // each with a correct check character, so only the date can refuse it
        String[] first17 = {
                "44010619901301123", // month 13
                "44010619900230123", // 30 February
                "44010619000229123", // 1900 was not a leap year
                "44010618991231123", // before 1900
                "44010620250602123", // the day after TODAY
                "44010600000101123", // year 0
        };
        for (String digits : first17) {
            String number = digits + ChineseIdNumbers.checkCharacter(digits);
            assertThat(ChineseIdNumbers.isValid(number, TODAY)).as(number).isFalse();
        }
        String bornToday = "44010620250601123";
        assertThat(ChineseIdNumbers.isValid(bornToday + ChineseIdNumbers.checkCharacter(bornToday), TODAY)).isTrue();
    }

    @Test
    @DisplayName("A.6 null is left to @NotNull")
    void nullIsLeftToNotNull() {
        assertThat(new ChineseIdNumber.Validator().isValid(null, null)).isTrue();
        assertThat(ChineseIdNumbers.isValid(null)).isFalse();
    }
}
