package io.lendpoint.api.loanbatch;

import io.lendpoint.api.validation.ClcClass;
import io.lendpoint.api.validation.Isbn;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * One item (a physical copy) on a loan batch's item list (§5.2 picking by barcode, A.1.3 the item list:
 * barcode, title, ISBN, category).
 *
 * @param barcode         the copy's barcode, 4–32 letters, digits or '-'
 * @param title           the title as printed on the list, at most 300 characters
 * @param isbn            ISBN-10 or ISBN-13 (check digit verified), optional (older books have none)
 * @param category        the class of the Chinese Library Classification ({@code I287}, {@code TP312})
 * @param listPrice       the list price in yuan, not negative, at most 7 integer digits and 2 decimals
 * @param publicationYear the year of publication, optional, 1450–2100
 */
public record ItemDescription(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "{validation.barcode}") String barcode,
        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size}") String title,
        @Isbn String isbn,
        @NotBlank(message = "{validation.required}") @ClcClass String category,
        @NotNull(message = "{validation.required}") @DecimalMin(value = "0", message = "{validation.min}")
        @Digits(integer = 7, fraction = 2, message = "{validation.price}") BigDecimal listPrice,
        @Min(value = 1450, message = "{validation.min}") @Max(value = 2100, message = "{validation.max}")
        Integer publicationYear) {
}
