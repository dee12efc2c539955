package io.lendpoint.standalone.bench;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a command's time goes, phase by phase of its unit of work, per command type: the median over the commands
 * committed in a unit of work of their own while it listened (not those the policies send inside a processor's
 * batch, nor refused ones). Registered on the command bus after the application's own interceptors, so it starts
 * after the bean validation and stops at the unit of work's last clean-up: what the gateway measures beyond the
 * whole is mostly validation, dispatch and returning the result.
 * <ul>
 *   <li>to the handler: unit of work and transaction started, the handler interceptors (time limit, correlation
 *   data, failure translation) run;</li>
 *   <li>handler: aggregate locked and loaded (or found in its cache), the command handler, its events applied;</li>
 *   <li>prepare commit: events serialised (and compressed) and appended, deadlines scheduled;</li>
 *   <li>commit: the transaction's commit, HSQLDB's synced log write;</li>
 *   <li>after commit: snapshot triggers, notifying the event processors;</li>
 *   <li>clean-up: locks and connection released.</li>
 * </ul>
 * Unit-of-work phase handlers run in order of registration before the commit and in reverse order from it on
 * (Axon's {@code UnitOfWork.Phase}); the marks below are placed accordingly.
 */
final class CommandPhases {

    static final String[] PHASES = {"to the handler", "handler", "prepare commit", "commit", "after commit",
            "clean-up"};
    /**
     * The marks of a command: 0 dispatched, 1 at this interceptor, 2 handler done, 3 commit phase begun, 4 first
     * after-commit handler, 5 last after-commit handler, 6 last clean-up handler.
     */
    private static final int MARKS = 7;

    private final Map<String, List<long[]>> byCommand = new LinkedHashMap<>();
    private final ThreadLocal<long[]> dispatched = new ThreadLocal<>();

    CommandPhases(CommandBus bus) {
        bus.registerDispatchInterceptor((MessageDispatchInterceptor<CommandMessage<?>>) messages -> (i, message) -> {
            long[] marks = new long[MARKS];
            marks[0] = System.nanoTime();
            dispatched.set(marks);
            return message;
        });
        bus.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
            long[] marks = dispatched.get();
            dispatched.remove();
            if (marks == null || unitOfWork.parent().isPresent()) {
                // a command a policy sends from a processor's thread runs inside the processor's batch: its commit
                // and after-commit wait for the whole batch, so its phases would not mean the same
                return chain.proceed();
            }
            marks[1] = System.nanoTime();
            unitOfWork.afterCommit(u -> marks[5] = System.nanoTime()); // registered first: the last to run
            unitOfWork.onCleanup(u -> {
                marks[6] = System.nanoTime();
                if (marks[5] != 0) { // committed: a refused or failed command is not timed
                    record(u.getMessage().getPayloadType().getSimpleName(), marks);
                }
            });
            Object result = chain.proceed();
            marks[2] = System.nanoTime();
            unitOfWork.onCommit(u -> { // registered last: the first to run, before the transaction's commit
                marks[3] = System.nanoTime();
                u.afterCommit(v -> marks[4] = System.nanoTime()); // registered last: the first after the commit
            });
            return result;
        });
    }

    private synchronized void record(String command, long[] marks) {
        byCommand.computeIfAbsent(command, k -> new ArrayList<>()).add(marks);
    }

    /** Median milliseconds of each phase, per command type, in the order the types were first seen. */
    synchronized String table() {
        StringBuilder out = new StringBuilder("| command | n |");
        for (String phase : PHASES) {
            out.append(' ').append(phase).append(" ms |");
        }
        out.append(" whole ms |\n|---|---:|").append("---:|".repeat(PHASES.length + 1)).append('\n');
        byCommand.forEach((command, all) -> {
            out.append("| ").append(command).append(" | ").append(all.size()).append(" |");
            for (int phase = 0; phase < PHASES.length; phase++) {
                out.append(" %.2f |".formatted(median(all, phase, phase + 1)));
            }
            out.append(" %.2f |%n".formatted(median(all, 0, MARKS - 1)));
        });
        return out.toString();
    }

    private static double median(List<long[]> all, int from, int to) {
        return CityFigures.median(all.stream().map(marks -> (marks[to] - marks[from]) / 1e6).toList());
    }
}
