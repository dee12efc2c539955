package io.lendpoint.api.calendar;

import java.time.LocalDate;

/**
 * A working-day computation needed a date that the calendar data does not cover. The calendar never guesses
 * whether such a date is a working day: the data must be updated (property {@value WorkingDayCalendar#FILE_PROPERTY}).
 */
public final class CalendarNotCoveredException extends RuntimeException {

    private final LocalDate date;
    private final LocalDate coveredFrom;
    private final LocalDate coveredUntil;

    public CalendarNotCoveredException(LocalDate date, LocalDate coveredFrom, LocalDate coveredUntil, String origin) {
        super("The working-day calendar " + origin + " covers only " + coveredFrom + " to " + coveredUntil
                + ", but the computation needs " + date + ". The calendar data must be updated with the State"
                + " Council's holiday arrangement for " + date.getYear() + ": point the property "
                + WorkingDayCalendar.FILE_PROPERTY + " at an updated copy of " + WorkingDayCalendar.CLASSPATH_RESOURCE
                + " whose 'covers' line includes that year (see calendar/README.md in shared-api).");
        this.date = date;
        this.coveredFrom = coveredFrom;
        this.coveredUntil = coveredUntil;
    }

    /** The first date the computation needed that lies outside the covered range. */
    public LocalDate date() {
        return date;
    }

    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    public LocalDate coveredUntil() {
        return coveredUntil;
    }
}
