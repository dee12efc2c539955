package io.lendpoint.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lendpoint.api.agreement.RuleSetReference;

/** A.2.4, A.2.5: rule sets are found by id and version, added without a code change, immutable, checked at load. */
class RuleSetsTest {

    private static final String FINES_V2 = """
            # a library's second version
            kind = fines
            id = fines-standard
            version = 2
            effective-from = 2027-01-01
            unit = PER_ITEM
            rate-per-item-per-day = 0.20
            cap-per-item = 10.00
            """;

    private static final String COMPENSATION_HEAD = """
            kind = compensation
            id = c
            version = 1
            effective-from = 2025-01-01
            processing-fee = 10.00
            """;

    private static final String COMPENSATION_TAIL = """
            older = multiplier 5
            imported-multiplier = 3
            damage-minor = 5.00
            damage-moderate = 10.00
            damage-severe = loss
            refund-if-found = true
            refund-processing-fee = true
            """;

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("A.2.4, A.2.5 the bundled defaults are found by the references agreements carry")
    void bundled() {
        RuleSets sets = RuleSets.bundled();
        assertThat(sets.fines(new RuleSetReference("fines-standard", 1)).reference())
                .isEqualTo(RuleSets.FINES_STANDARD);
        assertThat(sets.compensation(new RuleSetReference("compensation-standard", 1)).processingFee())
                .isEqualTo(new BigDecimal("10.00"));
        assertThat(sets.all()).hasSize(2);
        assertThat(RuleSets.bundled()).isSameAs(sets);
    }

    @Test
    @DisplayName("A.2.4 an unknown reference fails loudly, naming the versions that exist")
    void unknownReference() {
        RuleSets sets = RuleSets.bundled();
        assertThatThrownBy(() -> sets.fines(new RuleSetReference("fines-standard", 2)))
                .isInstanceOf(UnknownRuleSetException.class).hasMessageContaining("known versions: [1]");
        assertThatThrownBy(() -> sets.compensation(new RuleSetReference("compensation-city", 1)))
                .isInstanceOf(UnknownRuleSetException.class).hasMessageContaining("lendpoint.rules.dir");
        assertThatThrownBy(() -> sets.compensation(RuleSets.FINES_STANDARD))
                .as("a fine rule set asked for as compensation rules")
                .isInstanceOf(UnknownRuleSetException.class).hasMessageContaining("not a compensation rule set");
    }

    @Test
    @DisplayName("A.2.4 a library adds fines-standard v2 in its directory without a code change; v1 stays")
    void directory(@TempDir Path dir) throws IOException {
        write(dir.resolve("fines-standard-v2.txt"), FINES_V2);
        write(dir.resolve("README.md"), "not a rule set");
        RuleSets sets = RuleSets.load(dir);
        FineRuleSet v2 = sets.fines(new RuleSetReference("fines-standard", 2));
        assertThat(v2.assess(2, 60).total()).isEqualTo(new BigDecimal("20.00"));
        assertThat(v2.origin()).isEqualTo(dir.resolve("fines-standard-v2.txt").toString());
        assertThat(sets.fines(RuleSets.FINES_STANDARD).assess(2, 60).total()).isEqualTo(new BigDecimal("10.00"));
        assertThat(sets.all()).hasSize(3);
    }

    @Test
    @DisplayName("A.2.4, A.2.5 versions are immutable: a second definition of fines-standard v1 fails the load")
    void duplicateOfBundled(@TempDir Path dir) throws IOException {
        write(dir.resolve("fines-standard-v1.txt"), FINES_V2.replace("version = 2", "version = 1"));
        assertThatThrownBy(() -> RuleSets.load(dir)).isInstanceOf(DuplicateRuleSetException.class)
                .hasMessageContaining("classpath:rules/fines-standard-v1.txt")
                .hasMessageContaining(dir.resolve("fines-standard-v1.txt").toString());
    }

    @Test
    @DisplayName("A.2.4 two rule sets with the same id and version are refused, even from other sources")
    void duplicate() {
        RuleSet a = RuleSets.parse(new StringReader(FINES_V2), "a");
        RuleSet b = RuleSets.parse(new StringReader(FINES_V2.replace("0.20", "0.30")), "b");
        assertThatThrownBy(() -> RuleSets.of(List.of(a, b))).isInstanceOf(DuplicateRuleSetException.class)
                .hasMessageContaining("fines-standard v2 is defined by a and again by b");
    }

    @Test
    @DisplayName("A.2.4 a file must be named after the id and version it defines")
    void fileName(@TempDir Path dir) throws IOException {
        write(dir.resolve("fines-standard-v3.txt"), FINES_V2);
        assertThatThrownBy(() -> RuleSets.load(dir)).isInstanceOf(MalformedRuleSetException.class)
                .hasMessageContaining("must be named fines-standard-v2.txt");
    }

    @Test
    @DisplayName("A.2.4 a missing directory fails loudly")
    void missingDirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleSets.load(dir.resolve("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lendpoint.rules.dir");
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rate-per-item-per-day 0.20                        | 8 | expected 'key = value'
            colour = red                                      | 8 | unknown key 'colour'
            unit = PER_BATCH                                  | 8 | 'unit' is already set on line 6
            grace-days = -1                                   | 8 | grace-days is a whole number
            cap-per-batch = 50.00                             | 8 | 'cap-per-batch' does not belong in a fines rule set with unit PER_ITEM
            cap-per-case = 1.005                              | 8 | at most two decimals
            cap-per-case =                                    | 8 | no value for 'cap-per-case'
            year-band = 2001- 2                               | 8 | 'year-band' does not belong
            """)
    @DisplayName("A.2.4 a malformed fine file fails at load with its line number")
    void malformedFines(String extraLine, int line, String message) {
        String text = FINES_V2.replace("rate-per-item-per-day = 0.20\n", "") .replace("cap-per-item = 10.00\n", "")
                + "rate-per-item-per-day = 0.20\n" + extraLine.strip() + "\ncap-per-item = 10.00\n";
        assertThatThrownBy(() -> RuleSets.parse(new StringReader(text), "bad.txt"))
                .isInstanceOf(MalformedRuleSetException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((MalformedRuleSetException) e).lineNumber()).isEqualTo(line))
                .hasMessageStartingWith("bad.txt line " + line + ": ");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            unit = PER_WEEK                      | 6 | unit must be PER_ITEM or PER_BATCH
            effective-from = 2025-02-30          | 5 | not a valid date
            version = 0                          | 4 | a version is a whole number from 1
            id = Fines_Standard                  | 3 | an id is lower-case letters
            kind = penalties                     | 2 | kind must be 'fines' or 'compensation'
            """)
    @DisplayName("A.2.4 bad values of the common keys fail at load with their line number")
    void malformedValues(String replacement, int line, String message) {
        String key = replacement.substring(0, replacement.indexOf('=')).strip();
        String text = FINES_V2.lines().map(l -> l.startsWith(key + " ") ? replacement.strip() : l)
                .reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> RuleSets.parse(new StringReader(text), "bad.txt"))
                .isInstanceOf(MalformedRuleSetException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((MalformedRuleSetException) e).lineNumber()).isEqualTo(line));
    }

    @Test
    @DisplayName("A.2.4 a missing required key fails the load for the file as a whole (line 0)")
    void missingKey() {
        String text = FINES_V2.replace("cap-per-item = 10.00\n", "");
        assertThatThrownBy(() -> RuleSets.parse(new StringReader(text), "bad.txt"))
                .isInstanceOf(MalformedRuleSetException.class).hasMessage("bad.txt: 'cap-per-item' is missing")
                .satisfies(e -> assertThat(((MalformedRuleSetException) e).lineNumber()).isZero());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            year-band = 1996-2000 3%nyear-band = 2001- 2                   | 6 | the first (newest) year band must be open-ended
            year-band = 2001- 2%nyear-band = 1996-2001 3                   | 7 | must end in 2000
            year-band = 2001- 2%nyear-band = 1996-1999 3                   | 7 | must end in 2000
            year-band = 2001- 2%nyear-band = 2000-1996 3                   | 7 | ends before it starts
            year-band = 2001- 0                                            | 6 | a positive multiplier
            year-band = 2001- two                                          | 6 | a positive multiplier
            year-band = 2001 2                                             | 6 | expected 'year-band = FROM-UNTIL MULTIPLIER'
            """)
    @DisplayName("§5.4.2 publication-year bands must be newest first, open-ended at the top, without gaps or overlaps")
    void malformedBands(String bands, int line, String message) {
        String text = COMPENSATION_HEAD + bands.replace("%n", "\n") + "\n" + COMPENSATION_TAIL;
        assertThatThrownBy(() -> RuleSets.parse(new StringReader(text), "bad.txt"))
                .isInstanceOf(MalformedRuleSetException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((MalformedRuleSetException) e).lineNumber()).isEqualTo(line));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            older = multiplier 5        | older = ancient 5            | 7  | expected 'older = multiplier N' or 'older = fixed AMOUNT'
            older = multiplier 5        | older = fixed 12.345         | 7  | at most two decimals
            damage-severe = loss        | damage-severe = total        | 11 | expected an amount
            refund-if-found = true      | refund-if-found = yes        | 12 | expected true or false
            imported-multiplier = 3     | imported-multiplier = 0      | 8  | a positive multiplier
            """)
    @DisplayName("A.2.5 bad compensation values fail at load with their line number")
    void malformedCompensation(String original, String replacement, int line, String message) {
        String text = (COMPENSATION_HEAD + "year-band = 2001- 2\n" + COMPENSATION_TAIL)
                .replace(original.strip(), replacement.strip());
        assertThatThrownBy(() -> RuleSets.parse(new StringReader(text), "bad.txt"))
                .isInstanceOf(MalformedRuleSetException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((MalformedRuleSetException) e).lineNumber()).isEqualTo(line));
    }

    @Test
    @DisplayName("§5.4.2 a compensation file without any year band fails the load")
    void noBands() {
        assertThatThrownBy(() -> RuleSets.parse(new StringReader(COMPENSATION_HEAD + COMPENSATION_TAIL), "bad.txt"))
                .isInstanceOf(MalformedRuleSetException.class).hasMessageContaining("no 'year-band' line");
    }

    @Test
    @DisplayName("A.2.4 a malformed file in the directory fails the whole load, naming the file and line")
    void malformedInDirectory(@TempDir Path dir) throws IOException {
        write(dir.resolve("fines-standard-v2.txt"), FINES_V2.replace("cap-per-item = 10.00", "cap-per-item = ten"));
        assertThatThrownBy(() -> RuleSets.load(dir)).isInstanceOf(MalformedRuleSetException.class)
                .hasMessageStartingWith(dir.resolve("fines-standard-v2.txt") + " line 8: ");
    }
}
