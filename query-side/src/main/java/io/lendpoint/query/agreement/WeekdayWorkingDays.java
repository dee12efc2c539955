package io.lendpoint.query.agreement;

import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A naive {@link WorkingDays}: Monday to Friday, no public holidays and no adjusted working weekends.
 * <p>
 * TODO(merge with branch calendar): replace with an adapter over the PRC calendar
 * ({@code io.lendpoint.api.calendar.WorkingDayCalendar#workingDaysBetween}) and delete this class. It is meant to
 * behave like {@code @ConditionalOnMissingBean(WorkingDays.class)}: the only {@link WorkingDays} bean until the
 * real calendar provides one (that annotation is not reliable on component-scanned classes, hence this note).
 */
@Component
class WeekdayWorkingDays implements WorkingDays {

    @Override
    public long workingDaysLeft(LocalDate today, LocalDate deadline) {
        if (deadline.isBefore(today)) {
            return -workingDaysLeft(deadline, today);
        }
        long count = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(deadline); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }
}
