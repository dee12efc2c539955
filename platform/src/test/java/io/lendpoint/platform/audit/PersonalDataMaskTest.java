package io.lendpoint.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.platform.personaldata.LegacyPlaintext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("A.6 a value stored before it was protected is withheld from every reader; protected values pass; phones in the clear are masked for auditors")
    void withholdAndMask() throws Exception {
        String legacy = JSON.writeValueAsString(LegacyPlaintext.of("legacy:contact-1", "13800138000"));
        JsonNode payload = JSON.readTree("""
                {"contact":{"name":"李老师","phone":%s},
                 "holderPhone":{"subjectId":"card-holder-1","ciphertext":"AQIDBA=="},
                 "people":[{"name":"陈老师","phone":"0757-83001234"}]}""".formatted(legacy));

        JsonNode administrator = PersonalDataMask.withholdLegacy(payload);
        JsonNode auditor = PersonalDataMask.mask(payload);

        for (JsonNode shown : new JsonNode[]{administrator, auditor}) {
            assertThat(shown.at("/contact/phone/ciphertext").asText()).isEqualTo(PersonalDataMask.WITHHELD);
            assertThat(shown.at("/contact/phone/subjectId").asText()).isEqualTo("legacy:contact-1");
            assertThat(shown.at("/holderPhone/ciphertext").asText()).isEqualTo("AQIDBA==");
        }
        assertThat(administrator.at("/people/0/phone").asText()).isEqualTo("0757-83001234");
        assertThat(auditor.at("/people/0/phone").asText()).isEqualTo("*********1234");
        assertThat(auditor.at("/contact/name").asText()).isEqualTo("李**");
        assertThat(payload.at("/contact/phone/ciphertext").asText()).as("the given node is not changed")
                .isNotEqualTo(PersonalDataMask.WITHHELD);
    }
}
