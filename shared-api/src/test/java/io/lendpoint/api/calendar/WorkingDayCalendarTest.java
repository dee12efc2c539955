package io.lendpoint.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clause A.3: on termination the service point returns all books within 30 working days, counted on the official PRC
 * calendar. Expected dates were checked against the source data (npm chinese-days 1.5.7) and the State Council
 * notices for 2025 and 2026.
 */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar PRC = WorkingDayCalendar.fromClasspath();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    @DisplayName("A.3 the bundled calendar covers the whole years 2004 to 2026")
    void bundledCoverage() {
        assertThat(PRC.coveredFrom()).isEqualTo(d("2004-01-01"));
        assertThat(PRC.coveredUntil()).isEqualTo(d("2026-12-31"));
        assertThat(PRC.origin()).isEqualTo("classpath:calendar/prc-working-days.txt");
        assertThat(WorkingDayCalendar.fromClasspath()).isSameAs(PRC);
    }

    @Test
    @DisplayName("A.3 1 to 8 October 2025 are not working days, though 1-3 and 6-8 are weekdays")
    void holidays() {
        for (LocalDate day = d("2025-10-01"); !day.isAfter(d("2025-10-08")); day = day.plusDays(1)) {
            assertThat(PRC.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(PRC.isWorkingDay(d("2025-09-30"))).isTrue();
        assertThat(PRC.isWorkingDay(d("2025-10-09"))).isTrue();
    }

    @Test
    @DisplayName("A.3 the make-up days Sunday 28 September and Saturday 11 October 2025 are working days")
    void makeUpDays() {
        assertThat(PRC.isWorkingDay(d("2025-09-28"))).isTrue();
        assertThat(PRC.isWorkingDay(d("2025-10-11"))).isTrue();
        assertThat(PRC.isWorkingDay(d("2025-09-27"))).as("Saturday 27 September").isFalse();
        assertThat(PRC.isWorkingDay(d("2025-10-12"))).as("Sunday 12 October").isFalse();
    }

    @Test
    @DisplayName("A.3 30 working days across National Day 2025 count the make-up Sunday and Saturday")
    void thirtyWorkingDays() {
        // Terminated Saturday 20 September 2025: 22-26 Sep (5), Sun 28 Sep (6), 29-30 Sep (8), 9-11 Oct (11),
        // 13-17 (16), 20-24 (21), 27-31 Oct (26), 3-6 Nov (30). Counting Monday-Friday only would give 31 October.
        assertThat(PRC.addWorkingDays(d("2025-09-20"), 30)).isEqualTo(d("2025-11-06"));
        assertThat(PRC.workingDaysBetween(d("2025-09-20"), d("2025-11-06"))).isEqualTo(30);
    }

    @Test
    @DisplayName("A.3 the next working day after Friday 26 September 2025 is the make-up Sunday 28 September")
    void nextWorkingDayIsMakeUpSunday() {
        assertThat(PRC.addWorkingDays(d("2025-09-26"), 1)).isEqualTo(d("2025-09-28"));
        assertThat(PRC.addWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
        assertThat(PRC.addWorkingDays(d("2025-10-08"), 3)).isEqualTo(d("2025-10-11"));
    }

    @Test
    @DisplayName("A.3 15 to 23 February 2026 are not working days; Saturdays 14 and 28 February are")
    void arrangement() {
        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertThat(PRC.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(PRC.isWorkingDay(d("2026-02-13"))).isTrue();
        assertThat(PRC.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(PRC.isWorkingDay(d("2026-02-24"))).isTrue();
        assertThat(PRC.isWorkingDay(d("2026-02-28"))).isTrue();
        assertThat(PRC.isWorkingDay(d("2026-03-01"))).as("Sunday 1 March").isFalse();
    }

    @Test
    @DisplayName("A.3 addWorkingDays over the Spring Festival 2026 make-up weekend")
    void addAcrossSpringFestival() {
        assertThat(PRC.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(PRC.addWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
        // Terminated Tuesday 10 February 2026: Mon-Fri only would give 24 March.
        assertThat(PRC.addWorkingDays(d("2026-02-10"), 30)).isEqualTo(d("2026-03-30"));
    }

    @Test
    @DisplayName("A.3 a plain week (March 2026): Monday to Friday work, the weekend does not")
    void plainWeek() {
        for (LocalDate day = d("2026-03-09"); !day.isAfter(d("2026-03-13")); day = day.plusDays(1)) {
            assertThat(PRC.isWorkingDay(day)).as(day.toString()).isTrue();
        }
        assertThat(PRC.isWorkingDay(d("2026-03-14"))).isFalse();
        assertThat(PRC.isWorkingDay(d("2026-03-15"))).isFalse();
        assertThat(PRC.addWorkingDays(d("2026-03-13"), 1)).isEqualTo(d("2026-03-16"));
        assertThat(PRC.addWorkingDays(d("2026-03-09"), 5)).isEqualTo(d("2026-03-16"));
        assertThat(PRC.workingDaysBetween(d("2026-03-08"), d("2026-03-15"))).isEqualTo(5);
    }

    @Test
    @DisplayName("A.3 counting across the 2025/2026 year boundary: New Year 1-3 January off, Sunday 4 January worked")
    void yearBoundary() {
        // Thu 25 Dec 2025: Fri 26 (1), 29-31 Dec (4), 1-3 Jan holiday, Sun 4 Jan make-up day (5).
        assertThat(PRC.addWorkingDays(d("2025-12-25"), 5)).isEqualTo(d("2026-01-04"));
        assertThat(PRC.addWorkingDays(d("2025-12-10"), 30)).isEqualTo(d("2026-01-22"));
        assertThat(PRC.workingDaysBetween(d("2025-12-10"), d("2026-01-22"))).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}: {1} working days")
    @CsvSource({"2021, 250", "2022, 249", "2023, 249", "2024, 251", "2025, 248", "2026, 248"})
    @DisplayName("A.3 whole years: weekdays minus the statutory holidays (11 days, 13 from 2025), make-up days net out")
    void wholeYears(int year, long expected) {
        assertThat(PRC.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("A.3 on the deadline day no working day is left; the same date gives 0")
    void zero() {
        assertThat(PRC.workingDaysBetween(d("2025-11-06"), d("2025-11-06"))).isZero();
        assertThat(PRC.workingDaysBetween(d("2025-10-01"), d("2025-10-08"))).as("a holiday week").isZero();
    }

    @Test
    @DisplayName("A.3 a deadline in the past gives a negative count: -(working days since the deadline)")
    void negative() {
        assertThat(PRC.workingDaysBetween(d("2025-11-06"), d("2025-09-20"))).isEqualTo(-30);
        assertThat(PRC.workingDaysBetween(d("2025-10-09"), d("2025-09-30"))).isEqualTo(-1);
    }

    @Test
    @DisplayName("A.3 working days left from a day before the National Day 2025 holiday to the deadline")
    void left() {
        assertThat(PRC.workingDaysBetween(d("2025-09-30"), d("2025-11-06"))).isEqualTo(22);
    }

    @Test
    @DisplayName("A.3 n must be at least 1")
    void nAtLeastOne() {
        assertThatThrownBy(() -> PRC.addWorkingDays(d("2025-09-20"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PRC.addWorkingDays(d("2025-09-20"), -3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("A.3 30 working days from 20 December 2026 need 2027, which the bundled data lacks")
    void thirtyDaysIntoUncoveredYear() {
        assertThatThrownBy(() -> PRC.addWorkingDays(d("2026-12-20"), 30))
                .isInstanceOfSatisfying(CalendarNotCoveredException.class, e -> {
                    assertThat(e.date()).isEqualTo(d("2027-01-01"));
                    assertThat(e.coveredFrom()).isEqualTo(d("2004-01-01"));
                    assertThat(e.coveredUntil()).isEqualTo(d("2026-12-31"));
                })
                .hasMessageContaining("2027-01-01")
                .hasMessageContaining("2026-12-31")
                .hasMessageContaining("must be updated")
                .hasMessageContaining("lendpoint.calendar.file");
    }

    @Test
    @DisplayName("A.3 a deadline that still falls inside 2026 is computed")
    void lastCoveredDays() {
        assertThat(PRC.addWorkingDays(d("2026-11-18"), 30)).isEqualTo(d("2026-12-30"));
        assertThat(PRC.addWorkingDays(d("2026-12-30"), 1)).isEqualTo(d("2026-12-31"));
        assertThatThrownBy(() -> PRC.addWorkingDays(d("2026-12-31"), 1))
                .isInstanceOf(CalendarNotCoveredException.class);
    }

    @Test
    @DisplayName("A.3 isWorkingDay and workingDaysBetween outside 2004-2026 throw")
    void outside() {
        assertThatThrownBy(() -> PRC.isWorkingDay(d("2027-01-04")))
                .isInstanceOf(CalendarNotCoveredException.class);
        assertThatThrownBy(() -> PRC.isWorkingDay(d("2003-12-31")))
                .isInstanceOf(CalendarNotCoveredException.class);
        assertThatThrownBy(() -> PRC.workingDaysBetween(d("2026-12-01"), d("2027-01-15")))
                .isInstanceOfSatisfying(CalendarNotCoveredException.class,
                        e -> assertThat(e.date()).isEqualTo(d("2027-01-01")));
        assertThatThrownBy(() -> PRC.workingDaysBetween(d("2027-01-15"), d("2026-12-01")))
                .isInstanceOf(CalendarNotCoveredException.class);
    }

    private static final String CALENDAR_2027 = """
            # a hypothetical 2027 arrangement, for the test only
            covers 2027-01-01 2027-12-31
            2027-01-01 holiday 元旦
            2027-01-04 holiday invented day off
            2027-01-09 workday invented make-up Saturday
            """;

    @Test
    @DisplayName("A.3 a calendar file supplied by the deployment replaces the bundled one")
    void overrides(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prc-working-days.txt");
        Files.writeString(file, CALENDAR_2027, StandardCharsets.UTF_8);

        WorkingDayCalendar custom = WorkingDayCalendar.from(file);

        assertThat(custom.coveredFrom()).isEqualTo(d("2027-01-01"));
        assertThat(custom.coveredUntil()).isEqualTo(d("2027-12-31"));
        assertThat(custom.origin()).isEqualTo(file.toString());
        assertThat(custom.isWorkingDay(d("2027-01-04"))).isFalse();
        assertThat(custom.isWorkingDay(d("2027-01-09"))).isTrue();
        // Thu 31 Dec 2026 is outside this file; counting starts after it. 1 Jan holiday, 4 Jan holiday,
        // 5-8 Jan (4), Sat 9 Jan (5).
        assertThat(custom.addWorkingDays(d("2027-01-01"), 5)).isEqualTo(d("2027-01-09"));
        assertThatThrownBy(() -> PRC.isWorkingDay(d("2027-01-04")))
                .isInstanceOf(CalendarNotCoveredException.class);
        assertThatThrownBy(() -> custom.isWorkingDay(d("2026-12-31")))
                .isInstanceOf(CalendarNotCoveredException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    @DisplayName("A.3 a calendar is read from a Reader too, with or without a byte-order mark")
    void reader() {
        WorkingDayCalendar fromReader = WorkingDayCalendar.from(new StringReader("\uFEFF" + CALENDAR_2027));
        assertThat(fromReader.isWorkingDay(d("2027-01-09"))).isTrue();
        assertThat(fromReader.isWorkingDay(d("2027-01-10"))).isFalse();
    }

    @Test
    @DisplayName("A.3 a missing file fails at load")
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> WorkingDayCalendar.from(dir.resolve("absent.txt")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("absent.txt");
    }

    static Stream<Arguments> malformed() {
        String header = "# comment\ncovers 2027-01-01 2027-12-31\n2027-01-01 holiday 元旦\n";
        return Stream.of(
                Arguments.of("bad date", header + "2027-13-01 holiday x\n", 4, "2027-13-01"),
                Arguments.of("not a date", header + "\n1.5.2027 holiday x\n", 5, "1.5.2027"),
                Arguments.of("unknown kind", header + "2027-01-05 vacation x\n", 4, "vacation"),
                Arguments.of("kind missing", header + "2027-01-05\n", 4, "2027-01-05"),
                Arguments.of("weekday make-up day", header + "2027-01-05 workday x\n", 4, "Saturday or Sunday"),
                Arguments.of("listed twice", header + "2027-01-01 workday x\n", 4, "already listed on line 3"),
                Arguments.of("outside covers", header + "2028-01-01 holiday x\n", 4, "outside"),
                Arguments.of("date before covers", "2027-01-01 holiday x\ncovers 2027-01-01 2027-12-31\n", 1,
                        "before the 'covers' line"),
                Arguments.of("second covers", header + "covers 2027-01-01 2027-12-31\n", 4, "second 'covers'"),
                Arguments.of("partial year", "covers 2027-01-01 2027-06-30\n2027-01-01 holiday x\n", 1,
                        "whole years"),
                Arguments.of("covers without until", "covers 2027-01-01\n", 1, "covers"),
                Arguments.of("no covers line", "# nothing\n", 0, "no 'covers"),
                Arguments.of("covered year without holidays",
                        "covers 2027-01-01 2028-12-31\n2027-01-01 holiday x\n", 0, "no holiday in 2028"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @DisplayName("A.3 a malformed calendar file fails at load, naming the line")
    void malformedFile(String problem, String content, int line, String messagePart) {
        assertThatThrownBy(() -> WorkingDayCalendar.from(new StringReader(content), "test.txt"))
                .isInstanceOfSatisfying(MalformedCalendarException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(line);
                    assertThat(e.origin()).isEqualTo("test.txt");
                })
                .hasMessageContaining(line > 0 ? "test.txt line " + line + ":" : "test.txt:")
                .hasMessageContaining(messagePart);
    }
}
