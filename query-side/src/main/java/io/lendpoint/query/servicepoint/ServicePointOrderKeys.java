package io.lendpoint.query.servicepoint;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the service points projected before their list sorted by pinyin ({@link PinyinOrder}), or with another
 * version of the collation, their sort keys at start-up: a few milliseconds for a city's points, no replay needed.
 * A point is keyed from the name and district it has when read, and only if it still has them when written, so a
 * point projected again meanwhile keeps the keys its projection gave it.
 */
@Component
class ServicePointOrderKeys {

    private static final Logger log = LoggerFactory.getLogger(ServicePointOrderKeys.class);

    private final MongoTemplate mongo;

    ServicePointOrderKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void keyOlderPoints() {
        int keyed = keyOlderPoints(mongo.getCollection(ServicePointDocument.COLLECTION));
        if (keyed > 0) {
            log.info("service points: {} given pinyin sort keys ({})", keyed, PinyinOrder.VERSION);
        }
    }

    /** Keys every point without keys of the current version; how many it keyed. */
    static int keyOlderPoints(MongoCollection<Document> points) {
        int keyed = 0;
        for (Document point : points.find(Filters.ne("orderVersion", PinyinOrder.VERSION))
                .projection(Projections.include("name", "district"))) {
            keyed += (int) key(points, point);
        }
        return keyed;
    }

    /** Keys one point as {@code read}; 0 when its name or district changed since. */
    static long key(MongoCollection<Document> points, Document read) {
        String name = read.getString("name");
        String district = read.getString("district");
        return points.updateOne(Filters.and(Filters.eq("_id", read.get("_id")), Filters.eq("name", name),
                        Filters.eq("district", district)),
                Updates.combine(Updates.set("nameOrder", PinyinOrder.key(name)),
                        Updates.set("districtOrder", PinyinOrder.key(district)),
                        Updates.set("orderVersion", PinyinOrder.VERSION))).getModifiedCount();
    }
}
