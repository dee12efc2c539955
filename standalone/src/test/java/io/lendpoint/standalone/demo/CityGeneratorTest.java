package io.lendpoint.standalone.demo;

import io.lendpoint.api.LibraryTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the generated city, point by point or day by day across its points (as a city in service stores its
 * events): the same commands, each on its day, and day by day in time order.
 */
class CityGeneratorTest {

    private static final CityGenerator.Shape SHAPE = new CityGenerator.Shape(30, 60, 90, 3, false);

    /** A command as sent, Axon's event clock when it was, and that instant's day in Foshan. */
    private record Sent(Object command, Instant at, LocalDate day) {

        /** The command and its day (the clock stops at now on the history's last day, which moves on). */
        Object onItsDay() {
            return List.of(command, day);
        }
    }

    @Test
    @DisplayName("issue 8: day by day across the points, the city's commands are those of point by point, in time order")
    void inTimeOrder() {
        List<Sent> byPoint = new ArrayList<>();
        CityGenerator pointByPoint = new CityGenerator(recording(byPoint), 8, SHAPE);
        List<CityGenerator.Generated> points = List.of(pointByPoint.point(0), pointByPoint.point(1),
                pointByPoint.point(2));
        List<Sent> byDay = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        List<CityGenerator.Generated> city = new CityGenerator(recording(byDay), 8, SHAPE)
                .inTimeOrder(3, (day, sent) -> days.add(day));

        assertThat(city).as("what each point leaves").isEqualTo(points);
        assertThat(byDay.stream().map(Sent::command)).as("the same commands")
                .containsExactlyInAnyOrderElementsOf(byPoint.stream().map(Sent::command).toList());
        assertThat(byDay.stream().map(Sent::onItsDay)).as("each on the day it has point by point")
                .containsExactlyInAnyOrderElementsOf(byPoint.stream().map(Sent::onItsDay).toList());
        assertThat(byDay.stream().map(Sent::at).toList()).as("day by day: in time order").isSorted();
        assertThat(byPoint.stream().map(Sent::at).toList()).as("point by point: each point's year in one piece")
                .isNotEqualTo(byPoint.stream().map(Sent::at).sorted().toList());
        assertThat(days).as("told after each day").startsWith(0, 1, 2).doesNotHaveDuplicates();
        assertThat(GenericEventMessage.clock).as("the clock given back").isEqualTo(Clock.systemUTC());
    }

    /** A gateway that notes each command and the event clock's instant when it is sent. */
    private static CommandGateway recording(List<Sent> sent) {
        return (CommandGateway) Proxy.newProxyInstance(CityGeneratorTest.class.getClassLoader(),
                new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendAndWait")) {
                        Instant at = GenericEventMessage.clock.instant();
                        sent.add(new Sent(args[0], at, LibraryTime.today(GenericEventMessage.clock)));
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
