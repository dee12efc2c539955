package io.lendpoint.query.evaluation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodFactsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 31);

    private static Fact fact(String id, String point, FactKind kind, int count, int good, long value, String reader) {
        return new Fact(id, kind, point, FROM.plusDays(3), count, good, value, reader, null, null);
    }

    @Test
    @DisplayName("§7.1 an area's counts are the sum of its points' counts; a reader counts at their own point")
    void areaIsTheSumOfItsPoints() {
        PeriodFacts first = PeriodFacts.of(FROM, TO, List.of(fact("a", "sp-1", FactKind.LOAN, 1, 1, 0, "R-1"),
                fact("b", "sp-1", FactKind.LOAN, 1, 1, 0, "R-1"), fact("c", "sp-1", FactKind.SATISFACTION, 1, 1, 5, null)),
                List.of());
        PeriodFacts second = PeriodFacts.of(FROM, TO, List.of(fact("d", "sp-2", FactKind.LOAN, 1, 1, 0, "R-1"),
                fact("e", "sp-2", FactKind.SATISFACTION, 1, 0, 2, null), fact("f", "sp-2", FactKind.RETURN, 10, 7, 0, null)),
                List.of());

        PeriodFacts area = first.plus(second);

        assertThat(area.days()).isEqualTo(31);
        assertThat(area.loans()).isEqualTo(3);
        assertThat(area.borrowers()).as("R-1 of sp-1 and R-1 of sp-2 are two readers").isEqualTo(2);
        assertThat(area.scores()).isEqualTo(2);
        assertThat(area.scoreSum()).isEqualTo(7);
        assertThat(area.satisfied()).isEqualTo(1);
        assertThat(area.distribution()).containsExactly(0, 1, 0, 0, 1);
        assertThat(area.returned()).isEqualTo(10);
        assertThat(area.returnedOnTime()).isEqualTo(7);
    }
}
