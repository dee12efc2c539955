package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** §6.1: a handout, slide deck or video used in a training, by title and where to find it. */
public record TrainingMaterial(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String title,
        @Size(max = 500, message = "{validation.size}") String reference) {
}
