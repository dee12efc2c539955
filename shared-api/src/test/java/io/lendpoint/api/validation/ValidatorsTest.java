package io.lendpoint.api.validation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"91440604MA4UABCD1T", "52440600MJ0000001M", "91350100M000100Y43"})
    @DisplayName("A.2.1 unified social credit codes with a correct GB 32100 check character are accepted")
    void validCreditCodes(String code) {
        assertThat(UnifiedSocialCreditCodes.isValid(code)).isTrue();
        assertThat(new UnifiedSocialCreditCode.Validator().isValid(code, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440604MA4UABCD1X", "91440604MA4UABCD1", "91440604MA4UABCD1TT", "91440604IA4UABCD1T",
            "91440604ma4uabcd1t", ""})
    @DisplayName("A.2.1 a wrong check character, length or alphabet is refused")
    void invalidCreditCodes(String code) {
        assertThat(UnifiedSocialCreditCodes.isValid(code)).isFalse();
    }

    @Test
    @DisplayName("A.2.1 every single-character change of a valid code is detected")
    void everySingleSubstitutionIsDetected() {
        String valid = "91440604MA4UABCD1T";
        for (int position = 0; position < valid.length(); position++) {
            for (char replacement : UnifiedSocialCreditCodes.ALPHABET.toCharArray()) {
                if (replacement == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
                assertThat(UnifiedSocialCreditCodes.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", "0757-83001234", "075783001234", "020 82345678",
            "0757-83001234-806"})
    @DisplayName("§4.1.2 b mobile and landline numbers are accepted")
    void validPhones(String phone) {
        assertThat(new PhoneNumber.Validator().isValid(phone, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "12800138000", "1380013800", "138001380000", "+8613800138000x", "0757-1234",
            "abc"})
    @DisplayName("§4.1.2 b malformed phone numbers are refused")
    void invalidPhones(String phone) {
        assertThat(new PhoneNumber.Validator().isValid(phone, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "I", "K", "Z", "TP", "I287", "TP312", "K825.6"})
    @DisplayName("§5.1 classes of the Chinese Library Classification are accepted")
    void validClasses(String clc) {
        assertThat(new ClcClass.Validator().isValid(clc, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"L", "M", "W", "Y", "i", "1", "", "TPX1"})
    @DisplayName("§5.1 letters that are not CLC classes are refused")
    void invalidClasses(String clc) {
        assertThat(new ClcClass.Validator().isValid(clc, null)).isFalse();
    }
}
