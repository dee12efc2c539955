package io.lendpoint.platform.messaging;

import io.lendpoint.api.error.RuleViolationDetails;
import io.lendpoint.api.error.RuleViolationKind;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import javax.annotation.Nonnull;
import java.util.List;

/**
 * The local command bus, with the failures of a command's commit turned into details that survive Axon Server.
 * {@link CommandFailureTranslator} catches what a handler throws, but two commands racing on one aggregate fail
 * later, when their events are appended: a second creation of the same id ({@link AggregateStreamCreationException}),
 * or an append that lost the race for a sequence number ({@link ConcurrencyException}). Standalone, the HTTP layer
 * sees those exceptions themselves; through Axon Server only a message arrives, and a conflict would be answered as
 * an internal error. Here the result of every locally handled command is looked at once it is final and such a
 * failure becomes a {@link CommandExecutionException} with {@link RuleViolationDetails} (409), in both modes alike.
 */
public class CommitFailureTranslatingCommandBus implements CommandBus {

    private final CommandBus delegate;

    public CommitFailureTranslatingCommandBus(CommandBus delegate) {
        this.delegate = delegate;
    }

    @Override
    public <C> void dispatch(@Nonnull CommandMessage<C> command) {
        delegate.dispatch(command);
    }

    @Override
    public <C, R> void dispatch(@Nonnull CommandMessage<C> command,
                                @Nonnull CommandCallback<? super C, ? super R> callback) {
        delegate.<C, R>dispatch(command, (message, result) -> callback.onResult(message, translate(result)));
    }

    static <R> CommandResultMessage<R> translate(CommandResultMessage<R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        RuleViolationDetails details;
        if (failure instanceof AggregateStreamCreationException) {
            details = new RuleViolationDetails(RuleViolationKind.CONFLICT, "aggregate.already-exists",
                    "Something with this id exists already; nothing was stored", List.of());
        } else if (failure instanceof ConcurrencyException) {
            details = new RuleViolationDetails(RuleViolationKind.CONFLICT, "concurrent-modification",
                    "Someone else changed this at the same time; read it again and retry", List.of());
        } else {
            return result;
        }
        return GenericCommandResultMessage.asCommandResultMessage(
                new CommandExecutionException(details.englishMessage(), failure, details));
    }

    @Override
    public Registration subscribe(@Nonnull String commandName,
                                  @Nonnull MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }
}
