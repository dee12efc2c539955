package io.lendpoint.api.notification;

/** Where an e-mailed notice stands. Never sent twice: only a refused hand-over to the SMTP server is retried. */
public enum EmailStatus {
    /** being handed to the SMTP server; if the process died meanwhile it stays so and is not resent (it may have gone) */
    SENDING,
    /** the SMTP server took it */
    SENT,
    /** the SMTP server refused it or could not be reached; it is tried again */
    FAILED,
    /** refused on every attempt; the in-app inbox still has the notice */
    GAVE_UP
}
