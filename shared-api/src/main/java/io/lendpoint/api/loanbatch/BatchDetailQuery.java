package io.lendpoint.api.loanbatch;

/** One loan batch with its request, decision and history. */
public record BatchDetailQuery(String batchId) {
}
