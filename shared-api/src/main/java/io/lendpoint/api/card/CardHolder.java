package io.lendpoint.api.card;

import io.lendpoint.api.validation.ChineseIdNumber;
import io.lendpoint.api.validation.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A.6 开卡人信息: the card holder's name, national ID number and phone — personal data, never stored in plaintext. */
public record CardHolder(
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String name,
        @NotNull(message = "{validation.required}") @ChineseIdNumber String idNumber,
        @NotNull(message = "{validation.required}") @PhoneNumber String phone) {

    @Override
    public String toString() {
        return "CardHolder[personal data withheld]";
    }
}
