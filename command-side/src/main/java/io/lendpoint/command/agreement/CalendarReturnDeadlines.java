package io.lendpoint.command.agreement;

import io.lendpoint.api.calendar.CalendarNotCoveredException;
import io.lendpoint.api.calendar.WorkingDayCalendar;
import io.lendpoint.api.error.RuleViolation;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** A.3 on the official calendar: public holidays off, make-up working days (调休) on; never a guess. */
@Component
class CalendarReturnDeadlines implements ReturnDeadlines {

    private final WorkingDayCalendar calendar;

    CalendarReturnDeadlines(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public LocalDate after(LocalDate terminatedOn) {
        try {
            return calendar.addWorkingDays(terminatedOn, WORKING_DAYS);
        } catch (CalendarNotCoveredException beyondData) {
            throw RuleViolation.unprocessable("calendar.not-covered",
                    "The working-day calendar covers " + calendar.coveredFrom() + " to " + calendar.coveredUntil()
                            + "; the 30-working-day return period from " + terminatedOn + " needs later data. "
                            + "An administrator must supply it (lendpoint.calendar.file).",
                    terminatedOn, calendar.coveredFrom(), calendar.coveredUntil());
        }
    }
}
