package io.lendpoint.api;

/**
 * A read model of one aggregate that knows the aggregate's version it shows (the sequence number of the last event
 * applied). Over HTTP it is the response's {@code ETag}; a command may send it back as {@code If-Match}, and is
 * refused with 412 if the aggregate has moved on since.
 */
public interface Versioned {

    long version();
}
