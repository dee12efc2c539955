package io.lendpoint.api.personaldata;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    @DisplayName("A.6 an identity number shows its first 4 and last 4 characters only")
    void idNumber() {
        assertThat(Masking.maskIdNumber("440106199001011234")).isEqualTo("4401**********1234");
        assertThat(Masking.maskIdNumber("44010619900101123X")).isEqualTo("4401**********123X");
        assertThat(Masking.maskIdNumber("123456789")).isEqualTo("1234*6789");
        assertThat(Masking.maskIdNumber("12345678")).isEqualTo("********");
        assertThat(Masking.maskIdNumber("")).isEmpty();
    }

    @Test
    @DisplayName("A.6 a phone number shows its first 3 and last 4 characters only")
    void phone() {
        assertThat(Masking.maskPhone("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.maskPhone("0757-83001234")).isEqualTo("075******1234");
        assertThat(Masking.maskPhone("1234567")).isEqualTo("*******");
    }

    @Test
    @DisplayName("A.6 a name shows its first character only")
    void name() {
        assertThat(Masking.maskName("李小明")).isEqualTo("李**");
        assertThat(Masking.maskName("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.maskName("王五")).isEqualTo("王*");
        assertThat(Masking.maskName("李")).isEqualTo("*");
        assertThat(Masking.maskName("\uD842\uDFB7田一")).isEqualTo("\uD842\uDFB7**"); // 𠮷 is one character
    }

    @Test
    @DisplayName("A.6 null stays null")
    void nullStaysNull() {
        assertThat(Masking.maskIdNumber(null)).isNull();
        assertThat(Masking.maskPhone(null)).isNull();
        assertThat(Masking.maskName(null)).isNull();
    }
}
