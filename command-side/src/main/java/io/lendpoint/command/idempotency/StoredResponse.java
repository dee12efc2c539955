package io.lendpoint.command.idempotency;

/** The first answer to a command request sent with an idempotency key, kept to answer its retries. */
record StoredResponse(String fingerprint, boolean completed, int status, String contentType, String location,
                      String body) {
}
