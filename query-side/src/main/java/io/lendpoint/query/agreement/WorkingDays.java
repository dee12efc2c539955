package io.lendpoint.query.agreement;

import java.time.LocalDate;

/**
 * A.3: working days until a return deadline. Same meaning as
 * {@code io.lendpoint.api.calendar.WorkingDayCalendar#workingDaysBetween(today, deadline)}: the working days
 * {@code d} with {@code today < d <= deadline} (0 on the deadline itself), negative once the deadline has passed
 * ({@code -workingDaysLeft(deadline, today)}).
 */
interface WorkingDays {

    long workingDaysLeft(LocalDate today, LocalDate deadline);
}
