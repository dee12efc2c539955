package io.lendpoint.platform.concurrency;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP (RFC 9110): the {@code If-Match} a command request carries is the aggregate
 * version the caller read (the {@code ETag} of its read). {@code *} or no header: no precondition. Anything else
 * that is not one version is refused (400) before the command is sent.
 */
public final class IfMatch {

    private static final Pattern ONE_VERSION = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private IfMatch() {
    }

    static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version, or empty when there is no precondition. */
    public static OptionalLong parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = ONE_VERSION.matcher(header);
        if (!matcher.matches()) {
            throw new InvalidIfMatchException(header);
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    /** An If-Match header that is not one version. */
    public static final class InvalidIfMatchException extends RuntimeException {

        InvalidIfMatchException(String header) {
            super("If-Match must be one version as an ETag, e.g. \"7\", not " + header);
        }
    }
}
