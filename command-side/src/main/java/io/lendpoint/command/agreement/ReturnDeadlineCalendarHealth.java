package io.lendpoint.command.agreement;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A.3 on the calendar's horizon: an agreement ended on a day whose 30-working-day return period runs past the
 * working-day calendar's data is refused ({@code calendar.not-covered}), since the deadline is never guessed. With
 * a year's data, that starts about six weeks before the year ends, when the State Council's notice for the next
 * year may not be out yet. So the operators see it coming: the health details ({@code /actuator/health}, for an
 * administrator) name the last termination date the data covers, with a warning from 30 days before it, and a
 * start-up logs the same warning.
 */
@Component("returnDeadlineCalendar")
class ReturnDeadlineCalendarHealth extends AbstractHealthIndicator {

    /** How many days before the last covered termination date the warning starts. */
    static final int WARNING_DAYS = 30;

    private static final Logger log = LoggerFactory.getLogger(ReturnDeadlineCalendarHealth.class);

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    @Autowired
    ReturnDeadlineCalendarHealth(WorkingDayCalendar calendar, ObjectProvider<Clock> clock) {
        this(calendar, clock.getIfAvailable(Clock::systemUTC));
    }

    ReturnDeadlineCalendarHealth(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The last day an agreement can end on with its return deadline ({@link ReturnDeadlines}) inside the data: the
     * day before the 30th working day counted back from the data's end (before the data's start if it held fewer).
     */
    LocalDate lastCoveredTermination() {
        LocalDate day = calendar.coveredUntil();
        int counted = 0;
        while (counted < ReturnDeadlines.WORKING_DAYS && !day.isBefore(calendar.coveredFrom())) {
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
            day = day.minusDays(1);
        }
        return day;
    }

    /** The warning an operator should see today, if any (Chinese and English). */
    Optional<String> warning() {
        return warning(lastCoveredTermination());
    }

    private Optional<String> warning(LocalDate last) {
        LocalDate today = LibraryTime.today(clock);
        String supply = "请在 lendpoint.calendar.file 中提供含下一年国务院节假日安排的工作日历文件 / supply a working-day "
                + "calendar file with the next year's State Council holiday arrangement (lendpoint.calendar.file)";
        if (today.isAfter(last)) {
            return Optional.of("工作日历数据止于 " + calendar.coveredUntil() + "，" + last + " 之后终止的协议无法计算 30 个工作日的"
                    + "归还期限，终止将被拒绝 / the working-day calendar ends " + calendar.coveredUntil()
                    + ": an agreement ended after " + last + " has no computable 30-working-day return deadline and "
                    + "its termination is refused; " + supply);
        }
        if (!today.plusDays(WARNING_DAYS).isBefore(last)) {
            return Optional.of("工作日历数据止于 " + calendar.coveredUntil() + "，自 " + last.plusDays(1) + " 起终止协议将被拒绝 / "
                    + "the working-day calendar ends " + calendar.coveredUntil() + ": terminations will be refused from "
                    + last.plusDays(1) + "; " + supply);
        }
        return Optional.empty();
    }

    /**
     * Up either way: the application works, and only terminations past the horizon are refused (a status below up
     * would take the instance out of service for that).
     */
    @Override
    protected void doHealthCheck(Health.Builder builder) {
        LocalDate last = lastCoveredTermination();
        builder.up().withDetail("origin", calendar.origin()).withDetail("coveredUntil", calendar.coveredUntil())
                .withDetail("lastCoveredTermination", last);
        warning(last).ifPresent(warning -> builder.withDetail("warning", warning));
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        warning().ifPresent(log::warn);
    }
}
