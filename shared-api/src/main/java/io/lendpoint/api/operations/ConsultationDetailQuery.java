package io.lendpoint.api.operations;

/** §6.1: one consultation. */
public record ConsultationDetailQuery(String consultationId) {
}
