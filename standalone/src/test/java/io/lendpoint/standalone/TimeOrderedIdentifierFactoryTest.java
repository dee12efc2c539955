package io.lendpoint.standalone;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifierFactoryTest {

    @Test
    @DisplayName("Axon's identifiers in the standalone stack are version-7 UUIDs, unique and in the order they were made")
    void identifiersAreTimeOrdered() throws Exception {
        IdentifierFactory factory = IdentifierFactory.getInstance();
        assertThat(factory).isInstanceOf(TimeOrderedIdentifierFactory.class);

        List<String> made = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            made.add(factory.generateIdentifier());
            if (i == 25_000) {
                Thread.sleep(2); // across a millisecond too, not only within one
            }
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }
}
