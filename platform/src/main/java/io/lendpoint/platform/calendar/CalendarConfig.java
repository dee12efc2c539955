package io.lendpoint.platform.calendar;

import io.lendpoint.api.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * A.3: the official PRC working-day calendar. The bundled data (npm chinese-days, MIT) is used unless
 * {@code lendpoint.calendar.file} names an updated file — a new year's holiday notice needs no code change.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfig {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfig.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${" + WorkingDayCalendar.FILE_PROPERTY + ":}") String file) {
        WorkingDayCalendar calendar = file.isBlank() ? WorkingDayCalendar.fromClasspath()
                : WorkingDayCalendar.from(Path.of(file));
        log.info("Working-day calendar {} covers {} to {}", calendar.origin(), calendar.coveredFrom(),
                calendar.coveredUntil());
        return calendar;
    }
}
