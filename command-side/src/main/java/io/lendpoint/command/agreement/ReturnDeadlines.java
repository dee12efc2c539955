package io.lendpoint.command.agreement;

import java.time.LocalDate;

/** A.3: when the books of an agreement ended on a date are due back: 30 working days on the PRC calendar. */
interface ReturnDeadlines {

    int WORKING_DAYS = 30;

    /**
     * The last day of the return period; refuses (a rule violation) when the calendar data does not reach that
     * far, rather than guessing.
     */
    LocalDate after(LocalDate terminatedOn);
}
