package io.lendpoint.platform.concurrency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.annotation.Nonnull;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Puts the {@code If-Match} version of the HTTP request into the metadata of the command the request's controller
 * sends. Only that one: a command dispatched while another is being handled (inside its unit of work, e.g. a batch
 * reserving on its card) is about another aggregate and carries no precondition.
 */
class IfMatchDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Nonnull
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            @Nonnull List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (CurrentUnitOfWork.isStarted()
                    || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
                return command;
            }
            OptionalLong expected = IfMatch.parse(request.getRequest().getHeader("If-Match"));
            return expected.isPresent()
                    ? command.andMetaData(Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, expected.getAsLong()))
                    : command;
        };
    }
}
