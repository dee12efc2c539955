package io.lendpoint.platform.messaging;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.error.RuleViolationDetails;
import io.lendpoint.api.error.RuleViolationKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import javax.annotation.Nonnull;
import java.util.List;

/**
 * Turns the failures a command handler reports on purpose (a broken rule, an unknown aggregate) into a
 * {@link CommandExecutionException} whose details are a {@link RuleViolationDetails}. Details survive the trip
 * through Axon Server in distributed mode, where the exception itself would not; locally the behaviour is the
 * same, so the HTTP layer has one way to read them.
 */
public class CommandFailureTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), violation, violation.details());
        } catch (AggregateNotFoundException notFound) {
            RuleViolationDetails details = new RuleViolationDetails(RuleViolationKind.NOT_FOUND, "aggregate.not-found",
                    "No " + notFound.getAggregateIdentifier() + " exists", List.of(String.valueOf(notFound.getAggregateIdentifier())));
            throw new CommandExecutionException(details.englishMessage(), notFound, details);
        } catch (ConflictingAggregateVersionException stale) {
            RuleViolationDetails details = new RuleViolationDetails(RuleViolationKind.PRECONDITION_FAILED,
                    "aggregate.version-mismatch", stale.getAggregateIdentifier() + " is at version "
                    + stale.getActualVersion() + ", not " + stale.getExpectedVersion() + " as read",
                    List.of(String.valueOf(stale.getAggregateIdentifier()), String.valueOf(stale.getActualVersion()),
                            String.valueOf(stale.getExpectedVersion())));
            throw new CommandExecutionException(details.englishMessage(), stale, details);
        }
    }
}
