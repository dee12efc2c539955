package io.lendpoint.query;

import io.lendpoint.api.error.RuleViolation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.function.Function;

/**
 * Paged queries: the one rule for page and size over HTTP (page 0 to 100000, size 1 to {@link #MAX_SIZE}; else
 * 422), and the one way a projection reads a page of documents with the total that matched.
 */
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

    /** How many documents matched in all, and one page of them as views. */
    public record Result<T>(List<T> items, long total) {
    }

    /** One page of the {@code type} documents matching {@code filter}, in {@code sort} order, with the total. */
    public static <D, T> Result<T> find(MongoTemplate mongo, Query filter, Sort sort, int page, int size, Class<D> type,
                                        Function<D, T> view) {
        return find(mongo, filter, sort, page, size, type, mongo.getCollectionName(type), view);
    }

    /** The same, for documents kept in a named collection. */
    public static <D, T> Result<T> find(MongoTemplate mongo, Query filter, Sort sort, int page, int size, Class<D> type,
                                        String collection, Function<D, T> view) {
        long total = mongo.count(filter, type, collection);
        filter.with(sort).skip((long) page * size).limit(size);
        return new Result<>(mongo.find(filter, type, collection).stream().map(view).toList(), total);
    }
}
