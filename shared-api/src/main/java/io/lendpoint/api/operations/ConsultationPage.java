package io.lendpoint.api.operations;

import java.util.List;

/** One page of consultations and the total that matched. */
public record ConsultationPage(List<ConsultationView> items, long total, int page, int size) {
}
