package io.lendpoint.query.agreement;

import io.lendpoint.api.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * A.3 working days left on the official PRC calendar (the one the return deadline was computed with). Outside
 * the calendar's data it fails loudly ({@code CalendarNotCoveredException}), never guesses.
 */
@Component
class CalendarWorkingDays implements WorkingDays {

    private final WorkingDayCalendar calendar;

    CalendarWorkingDays(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public long workingDaysLeft(LocalDate today, LocalDate deadline) {
        return calendar.workingDaysBetween(today, deadline);
    }
}
