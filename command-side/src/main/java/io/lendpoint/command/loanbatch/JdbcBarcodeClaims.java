package io.lendpoint.command.loanbatch;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.jdbc.SchemaCreation;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link BarcodeClaims} in table {@code open_batch_item} of the command side's database (standalone: the event
 * store's HSQLDB, so claims commit with the events; distributed: PostgreSQL). The statements join the command's
 * Spring-managed transaction. Portable SQL: look up first, then insert; a concurrent claim that slips between the
 * two fails on the primary key, and that command is refused as a whole.
 */
@Component
class JdbcBarcodeClaims implements BarcodeClaims, InitializingBean {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    JdbcBarcodeClaims(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public void afterPropertiesSet() {
        SchemaCreation.run(jdbc.getDataSource(), List.of("open_batch_item"), List.of("CREATE TABLE IF NOT EXISTS open_batch_item ("
                + "barcode VARCHAR(64) NOT NULL PRIMARY KEY, batch_id VARCHAR(100) NOT NULL)"));
    }

    @Override
    public void claim(String batchId, Collection<String> barcodes) {
        Map<String, String> heldElsewhere = new TreeMap<>();
        List<String> unclaimed = new ArrayList<>();
        for (List<String> chunk : chunks(barcodes)) {
            Map<String, String> holders = new TreeMap<>();
            named.query("SELECT barcode, batch_id FROM open_batch_item WHERE barcode IN (:barcodes)",
                    new MapSqlParameterSource("barcodes", chunk),
                    row -> { holders.put(row.getString(1), row.getString(2)); });
            for (String barcode : chunk) {
                String holder = holders.get(barcode);
                if (holder == null) {
                    unclaimed.add(barcode);
                } else if (!holder.equals(batchId)) {
                    heldElsewhere.put(barcode, holder);
                }
            }
        }
        if (!heldElsewhere.isEmpty()) {
            throw inAnotherBatch(heldElsewhere.toString());
        }
        try {
            jdbc.batchUpdate("INSERT INTO open_batch_item (barcode, batch_id) VALUES (?, ?)", unclaimed, CHUNK,
                    (statement, barcode) -> {
                        statement.setString(1, barcode);
                        statement.setString(2, batchId);
                    });
        } catch (DuplicateKeyException raced) {
            throw inAnotherBatch("(claimed by another batch at the same moment)");
        }
    }

    @Override
    public void release(String batchId, Collection<String> barcodes) {
        for (List<String> chunk : chunks(barcodes)) {
            named.update("DELETE FROM open_batch_item WHERE batch_id = :batch AND barcode IN (:barcodes)",
                    new MapSqlParameterSource("batch", batchId).addValue("barcodes", chunk));
        }
    }

    private static RuleViolation inAnotherBatch(String which) {
        return RuleViolation.conflict("item.in-another-batch", "§5.2: these items are in another open batch: " + which,
                which);
    }

    private static List<List<String>> chunks(Collection<String> barcodes) {
        List<String> all = List.copyOf(barcodes);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
