package io.lendpoint.query;

import io.lendpoint.api.error.RuleViolation;

/** The one rule for paged queries over HTTP: page 0 to 100000, size 1 to {@link #MAX_SIZE}; else 422. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static void check(int page, int size) {
        if (page < 0 || page > 100_000) {
            throw RuleViolation.unprocessable("query.page-out-of-range", "page must be 0 to 100000", page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw RuleViolation.unprocessable("query.size-out-of-range", "size must be 1 to " + MAX_SIZE, size,
                    MAX_SIZE);
        }
    }
}
