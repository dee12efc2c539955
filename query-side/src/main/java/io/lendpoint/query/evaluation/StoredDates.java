package io.lendpoint.query.evaluation;

import org.springframework.core.convert.ConversionService;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Days as the mapping layer stored them (a {@link Date}), read back the way it reads them — by its own conversion
 * service — for documents read without it; a read meets few distinct days, so each is converted once.
 */
final class StoredDates {

    private final ConversionService conversions;
    private final Map<Date, LocalDate> converted = new HashMap<>();

    StoredDates(MongoTemplate mongo) {
        this.conversions = mongo.getConverter().getConversionService();
    }

    LocalDate day(Object stored) {
        return stored == null ? null
                : converted.computeIfAbsent((Date) stored, date -> conversions.convert(date, LocalDate.class));
    }
}
