package io.lendpoint.standalone;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clean close of the projection store ({@link ConsistentH2Backend}) keeps every write it acknowledged. Found by
 * a failure of {@code IdFirstQueriesTest} in CI: 86 of 107 documents were there after a reopen. The close
 * interrupted the committer thread, and an interrupt during a write closes the store's {@code FileChannel}
 * ({@code ClosedByInterruptException}), so the commit under way and everything after it was lost.
 */
class ProjectionStoreCloseTest {

    private static final int ROUNDS = 5;
    private static final int DOCUMENTS = 300;

    @TempDir
    Path data;

    @Test
    @DisplayName("a clean close waits for a commit under way: every acknowledged write is there after a reopen")
    void closeDuringCommit() {
        String padding = "x".repeat(100_000);
        for (int round = 0; round < ROUNDS; round++) {
            String file = data.resolve("round-" + round + ".mv").toString();
            // with a commit every millisecond, the one of these 30 MB starts as the insert ends and takes longer than
            // the client's and the server's shutdown, so the close meets it under way
            ProjectionStoreServer.serve(ConsistentH2Backend.open(file, Duration.ofMillis(1)), db -> {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < DOCUMENTS; i++) {
                    documents.add(new Document("_id", "item-" + i).append("padding", padding));
                }
                db.getCollection("items").insertMany(documents);
            });
            int kept = round;
            ProjectionStoreServer.with(file, db -> assertThat(db.getCollection("items").countDocuments())
                    .as("documents after closing and reopening, round %d", kept).isEqualTo(DOCUMENTS));
        }
    }
}
