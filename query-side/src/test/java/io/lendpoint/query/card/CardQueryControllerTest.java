package io.lendpoint.query.card;

import io.lendpoint.api.card.CardDetailQuery;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.error.RuleViolationKind;
import io.lendpoint.platform.security.LendpointUser;
import io.lendpoint.platform.security.PointScope;
import io.lendpoint.platform.security.Role;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The card query controller's own decisions (404 code, a manager's point scope) with the query gateway stubbed. */
class CardQueryControllerTest {

    private final QueryGateway gateway = mock(QueryGateway.class);
    private final CardQueryController controller = new CardQueryController(gateway, new PointScope());

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("§4.2.3 no card → 404 card.not-found")
    void unknownCardIsNotFound() {
        doReturn(CompletableFuture.completedFuture(Optional.empty())).when(gateway)
                .query(any(CardDetailQuery.class), any(ResponseType.class));

        assertThatThrownBy(() -> controller.detail("sp-9")).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.kind()).isEqualTo(RuleViolationKind.NOT_FOUND);
            assertThat(violation.code()).isEqualTo("card.not-found");
            assertThat(violation.arguments()).containsExactly("sp-9");
        });
    }

    @Test
    @DisplayName("a service-point manager may read its own point's card only (403 otherwise)")
    void managerSeesOwnPointOnly() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new LendpointUser("manager-sp-1", "{noop}x", Role.POINT_MANAGER, "sp-1"), null, List.of()));

        assertThatThrownBy(() -> controller.detail("sp-2")).isInstanceOf(AccessDeniedException.class);
        verify(gateway, never()).query(any(CardDetailQuery.class), any(ResponseType.class));
    }
}
