package io.lendpoint.platform.messaging;

import io.lendpoint.api.error.RuleViolationDetails;
import io.lendpoint.api.error.RuleViolationKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class CommitFailureTranslatingCommandBusTest {

    /** A command whose handler succeeds and whose commit then fails, as an append that lost a race does. */
    private static CommandResultMessage<?> dispatchFailingAtCommit(RuntimeException atCommit) throws Exception {
        CommitFailureTranslatingCommandBus bus = new CommitFailureTranslatingCommandBus(
                SimpleCommandBus.builder().build());
        bus.subscribe("create", command -> {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                throw atCommit;
            });
            return "handled";
        });
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        bus.dispatch(new GenericCommandMessage<>(new GenericMessage<>("payload"), "create"),
                (message, result) -> answer.complete(result));
        return answer.get();
    }

    private static RuleViolationDetails detailsOf(CommandResultMessage<?> result) {
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        return ((CommandExecutionException) result.exceptionResult()).getDetails()
                .map(RuleViolationDetails.class::cast).orElseThrow();
    }

    @Test
    @DisplayName("a second creation of the same id, failing at commit, comes back as a 409 conflict with details")
    void duplicateCreation() throws Exception {
        RuleViolationDetails details = detailsOf(dispatchFailingAtCommit(
                new AggregateStreamCreationException("sp-1 exists")));
        assertThat(details.kind()).isEqualTo(RuleViolationKind.CONFLICT);
        assertThat(details.code()).isEqualTo("aggregate.already-exists");
    }

    @Test
    @DisplayName("an append that lost the race for a sequence number comes back as a 409 conflict with details")
    void lostRace() throws Exception {
        RuleViolationDetails details = detailsOf(dispatchFailingAtCommit(new ConcurrencyException("sequence 3 taken")));
        assertThat(details.kind()).isEqualTo(RuleViolationKind.CONFLICT);
        assertThat(details.code()).isEqualTo("concurrent-modification");
    }

    @Test
    @DisplayName("other failures and successes pass unchanged")
    void othersUnchanged() throws Exception {
        IllegalStateException broken = new IllegalStateException("disk full");
        assertThat(dispatchFailingAtCommit(broken).exceptionResult()).isSameAs(broken);
        CommandResultMessage<String> success = CommitFailureTranslatingCommandBus.translate(
                org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage("ok"));
        assertThat(success.getPayload()).isEqualTo("ok");
    }
}
