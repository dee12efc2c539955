package io.lendpoint.command.agreement;

import io.lendpoint.api.calendar.CalendarNotCoveredException;
import io.lendpoint.api.calendar.WorkingDayCalendar;
import io.lendpoint.api.error.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnDeadlineCalendarHealthTest {

    private static final WorkingDayCalendar BUNDLED = WorkingDayCalendar.fromClasspath(); // covers to 2026-12-31

    private static ReturnDeadlineCalendarHealth on(WorkingDayCalendar calendar, String instant) {
        return new ReturnDeadlineCalendarHealth(calendar, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("A.3 the last termination date the calendar covers is the last whose 30-working-day return deadline is in the data")
    void lastCoveredTermination() {
        LocalDate last = on(BUNDLED, "2026-10-01T02:00:00Z").lastCoveredTermination();
        assertThat(last).isEqualTo(LocalDate.of(2026, 11, 19));
        CalendarReturnDeadlines deadlines = new CalendarReturnDeadlines(BUNDLED);
        assertThat(deadlines.after(last)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> deadlines.after(last.plusDays(1))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("2026-12-31");
        assertThatThrownBy(() -> BUNDLED.addWorkingDays(last.plusDays(1), ReturnDeadlines.WORKING_DAYS))
                .isInstanceOf(CalendarNotCoveredException.class);
    }

    @Test
    @DisplayName("A.3 health stays up and names the calendar's horizon; no warning while it is more than 30 days away")
    void noWarningFarFromTheHorizon() {
        Health health = on(BUNDLED, "2026-10-19T02:00:00Z").health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("coveredUntil", LocalDate.of(2026, 12, 31))
                .containsEntry("lastCoveredTermination", LocalDate.of(2026, 11, 19))
                .doesNotContainKey("warning");
    }

    @Test
    @DisplayName("A.3 from 30 days before the horizon the health warns, in Chinese and English, that terminations will be refused")
    void warningBeforeTheHorizon() {
        Health health = on(BUNDLED, "2026-10-20T02:00:00Z").health(); // 2026-10-20 in Beijing, 30 days before
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((String) health.getDetails().get("warning")).contains("自 2026-11-20 起终止协议将被拒绝")
                .contains("terminations will be refused from 2026-11-20").contains("lendpoint.calendar.file");
    }

    @Test
    @DisplayName("A.3 past the horizon the health says terminations are refused now; on its last day, that they will be from tomorrow")
    void warningPastTheHorizon() {
        Health health = on(BUNDLED, "2026-11-28T02:00:00Z").health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((String) health.getDetails().get("warning")).contains("终止将被拒绝")
                .contains("an agreement ended after 2026-11-19").contains("is refused");
        assertThat((String) on(BUNDLED, "2026-11-19T15:59:59Z").health().getDetails().get("warning"))
                .contains("terminations will be refused from 2026-11-20"); // 23:59:59 in Beijing, the last day
        assertThat((String) on(BUNDLED, "2026-11-19T16:00:00Z").health().getDetails().get("warning"))
                .contains("is refused"); // midnight in Beijing: the first day refused
    }

    @Test
    @DisplayName("A.3 a supplied calendar with the next year's data moves the horizon, and the warning goes")
    void suppliedCalendar() {
        WorkingDayCalendar next = WorkingDayCalendar.from(new StringReader("""
                covers 2026-01-01 2027-12-31
                2026-10-01 holiday 国庆节
                2027-10-01 holiday 国庆节
                """), "test");
        ReturnDeadlineCalendarHealth health = on(next, "2026-11-28T02:00:00Z");
        assertThat(health.lastCoveredTermination()).isAfter(LocalDate.of(2027, 11, 1));
        assertThat(health.health().getDetails()).doesNotContainKey("warning").containsEntry("origin", "test");
    }
}
