package io.lendpoint.platform.messaging;

import io.lendpoint.api.error.RuleViolationDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How policies (event handlers that react with a command) send their commands. A refusal by a rule of the
 * standard is an answer — "not yet", "nothing to do" — and the same command would be refused again on a retry,
 * so it is logged and the event counts as handled. Any other failure propagates, so the event processor retries.
 */
public final class PolicyCommands {

    private static final Logger log = LoggerFactory.getLogger(PolicyCommands.class);

    private final CommandGateway commands;

    public PolicyCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends and waits; true when the command was handled, false when a rule refused it. */
    public boolean send(Object command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (CommandExecutionException failure) {
            RuleViolationDetails refusal = failure.getDetails().filter(RuleViolationDetails.class::isInstance)
                    .map(RuleViolationDetails.class::cast).orElseThrow(() -> failure);
            log.debug("{} refused: {} ({})", command.getClass().getSimpleName(), refusal.code(), refusal.englishMessage());
            return false;
        }
    }
}
