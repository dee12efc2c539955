package io.lendpoint.command.card;

import io.lendpoint.api.agreement.AmendmentTookEffect;
import io.lendpoint.api.agreement.AgreementTerminated;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.RuleSetReference;
import io.lendpoint.api.agreement.TerminationReason;
import io.lendpoint.api.card.ChangeCardLimit;
import io.lendpoint.api.card.SuspendCard;
import io.lendpoint.api.error.RuleViolationDetails;
import io.lendpoint.api.error.RuleViolationKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CardPolicyTest {

    private static final RuleSetReference RULES = new RuleSetReference("r", 1);
    private static final AgreementTerms STANDARD = AgreementTerms.standard(RULES, RULES);
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final CardPolicy policy = new CardPolicy(commands);

    @Test
    @DisplayName("A.5 an amended limit becomes the card's limit when it takes effect; other amendments leave the card alone")
    void limitFollowsAmendment() {
        AgreementTerms fewer = new AgreementTerms(1500, 12, 24, RULES, RULES);
        policy.on(new AmendmentTookEffect("agreement-sp-1", "sp-1", STANDARD, fewer, DAY));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new ChangeCardLimit("card-sp-1", 1500));

        CommandGateway untouched = mock(CommandGateway.class);
        new CardPolicy(untouched).on(new AmendmentTookEffect("agreement-sp-1", "sp-1", STANDARD,
                new AgreementTerms(2000, 6, 24, RULES, RULES), DAY));
        verify(untouched, never()).sendAndWait(any());
    }

    @Test
    @DisplayName("A.3 when the agreement ends the card is suspended; a refusal (suspended already) is an answer, a failure is retried")
    void terminationSuspends() {
        AgreementTerminated ended = new AgreementTerminated("agreement-sp-1", "sp-1", TerminationReason.REVOCATION,
                "违约", DAY, LocalDate.of(2026, 3, 30));
        policy.on(ended);
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isInstanceOf(SuspendCard.class);
        assertThat(((SuspendCard) sent.getValue()).cardId()).isEqualTo("card-sp-1");

        CommandGateway refusing = mock(CommandGateway.class);
        when(refusing.sendAndWait(any())).thenThrow(new CommandExecutionException("suspended already", null,
                new RuleViolationDetails(RuleViolationKind.CONFLICT, "card.wrong-status", "x", List.of())));
        new CardPolicy(refusing).on(ended); // no exception: nothing to do

        CommandGateway failing = mock(CommandGateway.class);
        when(failing.sendAndWait(any())).thenThrow(new CommandExecutionException("store down", null));
        assertThatThrownBy(() -> new CardPolicy(failing).on(ended)).isInstanceOf(CommandExecutionException.class);
    }
}
