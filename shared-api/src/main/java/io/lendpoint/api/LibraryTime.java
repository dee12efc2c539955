package io.lendpoint.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The library works on China Standard Time: dates of the standard (due dates, deadlines) are dates there. */
public final class LibraryTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private LibraryTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
