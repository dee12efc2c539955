package io.lendpoint.api.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The official PRC working-day calendar, for deadlines counted in working days (clause A.3: books are returned
 * within 30 working days of the agreement's end).
 *
 * <p>A date is a working day when it is a Monday to Friday not listed as {@code holiday}, or a Saturday or Sunday
 * listed as {@code workday} (调休, a make-up working day). The data states the range it is authoritative for
 * ({@link #coveredFrom()} to {@link #coveredUntil()}); every computation that needs a date outside it throws
 * {@link CalendarNotCoveredException} rather than guess.
 *
 * <p>The bundled data ({@value #CLASSPATH_RESOURCE}, from the npm package chinese-days) is read by
 * {@link #fromClasspath()}. A deployment supplies an updated file without a code change by setting the property
 * {@value #FILE_PROPERTY} to its path, which the Spring side passes to {@link #from(Path)}. The format is
 * described in {@code calendar/README.md} beside the bundled file. Instances are immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    /** The configuration property naming a calendar file that replaces the bundled one. */
    public static final String FILE_PROPERTY = "lendpoint.calendar.file";

    /** The bundled calendar, on the class path. */
    public static final String CLASSPATH_RESOURCE = "calendar/prc-working-days.txt";

    private static WorkingDayCalendar bundled;

    private final String origin;
    private final LocalDate coveredFrom;
    private final LocalDate coveredUntil;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    private WorkingDayCalendar(String origin, LocalDate coveredFrom, LocalDate coveredUntil,
                               Set<LocalDate> holidays, Set<LocalDate> workdays) {
        this.origin = origin;
        this.coveredFrom = coveredFrom;
        this.coveredUntil = coveredUntil;
        this.holidays = Collections.unmodifiableSet(holidays);
        this.workdays = Collections.unmodifiableSet(workdays);
    }

    /** The bundled calendar, read on first use and then shared. */
    public static synchronized WorkingDayCalendar fromClasspath() {
        if (bundled == null) {
            bundled = loadBundled();
        }
        return bundled;
    }

    /** A calendar file (UTF-8), e.g. the one named by {@value #FILE_PROPERTY}. */
    public static WorkingDayCalendar from(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the working-day calendar " + file, e);
        }
    }

    /** A calendar read from {@code reader} (not closed here). */
    public static WorkingDayCalendar from(Reader reader) {
        return from(reader, "(reader)");
    }

    /** A calendar read from {@code reader} (not closed here); {@code origin} names it in error messages. */
    public static WorkingDayCalendar from(Reader reader, String origin) {
        Objects.requireNonNull(reader, "reader");
        try {
            return parse(reader, Objects.requireNonNull(origin, "origin"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the working-day calendar " + origin, e);
        }
    }

    /** First date (inclusive) the data is authoritative for. */
    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    /** Last date (inclusive) the data is authoritative for. */
    public LocalDate coveredUntil() {
        return coveredUntil;
    }

    /** Where the data was read from: a file path or {@code classpath:...}. */
    public String origin() {
        return origin;
    }

    /**
     * Whether {@code date} is a working day: Monday to Friday unless a public holiday, Saturday or Sunday only when
     * a make-up working day (调休).
     *
     * @throws CalendarNotCoveredException if {@code date} is outside the covered range
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireCovered(date);
        if (isWeekend(date)) {
            return workdays.contains(date);
        }
        return !holidays.contains(date);
    }

    /**
     * The {@code n}-th working day after {@code start}; {@code start} itself never counts, whatever it is. For clause
     * A.3, an agreement ending on T must have its books back by {@code addWorkingDays(T, 30)} (inclusive).
     *
     * @throws IllegalArgumentException    if {@code n < 1}
     * @throws CalendarNotCoveredException if a day after {@code start} up to the result is outside the covered range
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}, e.g. the working days left
     * from today until a deadline ({@code workingDaysBetween(today, deadline)}; it is 0 on the deadline itself).
     * When {@code toInclusive} is before {@code fromExclusive} the result is negative:
     * {@code -workingDaysBetween(toInclusive, fromExclusive)} (e.g. -3: the deadline passed three working days
     * ago). Equal dates give 0. {@code workingDaysBetween(t, addWorkingDays(t, n)) == n}.
     *
     * @throws CalendarNotCoveredException if a day counted over is outside the covered range
     */
    public long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        long count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + origin + ", covers " + coveredFrom + " to " + coveredUntil + "]";
    }

    private void requireCovered(LocalDate date) {
        if (date.isBefore(coveredFrom) || date.isAfter(coveredUntil)) {
            throw new CalendarNotCoveredException(date, coveredFrom, coveredUntil, origin);
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static WorkingDayCalendar parse(Reader source, String origin) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        LocalDate from = null;
        LocalDate until = null;
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        int lineNumber = 0;
        String raw;
        while ((raw = reader.readLine()) != null) {
            lineNumber++;
            String line = (lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] tokens = line.split("\\s+", 3);
            if (tokens[0].equals("covers")) {
                if (from != null) {
                    throw new MalformedCalendarException(origin, lineNumber, "a second 'covers' line");
                }
                if (tokens.length != 3 || tokens[2].strip().contains(" ") || tokens[2].strip().contains("\t")) {
                    throw new MalformedCalendarException(origin, lineNumber,
                            "expected 'covers YYYY-01-01 YYYY-12-31', got '" + line + "'");
                }
                from = date(tokens[1], origin, lineNumber);
                until = date(tokens[2].strip(), origin, lineNumber);
                if (from.getMonthValue() != 1 || from.getDayOfMonth() != 1
                        || until.getMonthValue() != 12 || until.getDayOfMonth() != 31 || until.isBefore(from)) {
                    throw new MalformedCalendarException(origin, lineNumber,
                            "'covers' must be whole years, from a 1 January to a 31 December, got '" + line + "'");
                }
                continue;
            }
            if (tokens.length < 2) {
                throw new MalformedCalendarException(origin, lineNumber,
                        "expected 'YYYY-MM-DD holiday|workday NAME' or 'covers FROM UNTIL', got '" + line + "'");
            }
            LocalDate date = date(tokens[0], origin, lineNumber);
            if (from == null) {
                throw new MalformedCalendarException(origin, lineNumber,
                        "a date line before the 'covers' line; 'covers FROM UNTIL' must come first");
            }
            if (date.isBefore(from) || date.isAfter(until)) {
                throw new MalformedCalendarException(origin, lineNumber,
                        date + " is outside 'covers " + from + " " + until + "'");
            }
            Integer earlier = lineOf.putIfAbsent(date, lineNumber);
            if (earlier != null) {
                throw new MalformedCalendarException(origin, lineNumber,
                        date + " is already listed on line " + earlier);
            }
            switch (tokens[1]) {
                case "holiday" -> holidays.add(date);
                case "workday" -> {
                    if (!isWeekend(date)) {
                        throw new MalformedCalendarException(origin, lineNumber, date + " is a "
                                + date.getDayOfWeek() + ": a make-up working day must be a Saturday or Sunday");
                    }
                    workdays.add(date);
                }
                default -> throw new MalformedCalendarException(origin, lineNumber,
                        "expected 'holiday' or 'workday' after the date, got '" + tokens[1] + "'");
            }
        }
        if (from == null) {
            throw new MalformedCalendarException(origin, 0, "no 'covers FROM UNTIL' line");
        }
        for (int year = from.getYear(); year <= until.getYear(); year++) {
            int y = year;
            if (holidays.stream().noneMatch(d -> d.getYear() == y)) {
                throw new MalformedCalendarException(origin, 0, "'covers' includes " + year
                        + " but the file lists no holiday in " + year + "; add that year's arrangement");
            }
        }
        return new WorkingDayCalendar(origin, from, until, holidays, workdays);
    }

    private static LocalDate date(String text, String origin, int lineNumber) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new MalformedCalendarException(origin, lineNumber, "expected a date YYYY-MM-DD, got '" + text + "'");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedCalendarException(origin, lineNumber, "not a valid date: '" + text + "'");
        }
    }

    private static WorkingDayCalendar loadBundled() {
        String origin = "classpath:" + CLASSPATH_RESOURCE;
        InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The bundled working-day calendar " + origin + " is missing");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, origin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the working-day calendar " + origin, e);
        }
    }
}
