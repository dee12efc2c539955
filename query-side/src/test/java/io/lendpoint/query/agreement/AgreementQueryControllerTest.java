package io.lendpoint.query.agreement;

import io.lendpoint.api.agreement.AgreementDetailQuery;
import io.lendpoint.api.agreement.AgreementTermsOnDateQuery;
import io.lendpoint.api.agreement.ExpiringAgreements;
import io.lendpoint.api.agreement.ExpiringAgreementsQuery;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The agreement query controller's own decisions — 404 codes, the withinDays bounds (422), a manager's point
 * scope (403) — with the query gateway stubbed. The HTTP round trip runs in the standalone module's HTTP tests.
 */
class AgreementQueryControllerTest {

    private final QueryGateway gateway = mock(QueryGateway.class);
    private final AgreementQueryController controller = new AgreementQueryController(gateway, new PointScope());

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("§4.2.2 no agreement → 404 agreement.not-found, for the detail and for the terms")
    void unknownAgreementIsNotFound() {
        doReturn(CompletableFuture.completedFuture(Optional.empty())).when(gateway)
                .query(any(AgreementDetailQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(Optional.empty())).when(gateway)
                .query(any(AgreementTermsOnDateQuery.class), any(ResponseType.class));

        assertThatThrownBy(() -> controller.detail("sp-9")).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.kind()).isEqualTo(RuleViolationKind.NOT_FOUND);
            assertThat(violation.code()).isEqualTo("agreement.not-found");
            assertThat(violation.arguments()).containsExactly("sp-9");
        });
        assertThatThrownBy(() -> controller.termsOn("sp-9", LocalDate.of(2027, 3, 1)))
                .isInstanceOfSatisfying(RuleViolation.class, violation ->
                        assertThat(violation.code()).isEqualTo("agreement.not-found"));
    }

    @Test
    @DisplayName("A.5 an agreement with no terms in force on the date → 404 agreement.no-terms-on-date")
    void noTermsOnDate() {
        doReturn(CompletableFuture.completedFuture(Optional.of(mock(io.lendpoint.api.agreement.AgreementDetail.class))))
                .when(gateway).query(any(AgreementDetailQuery.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(Optional.empty())).when(gateway)
                .query(any(AgreementTermsOnDateQuery.class), any(ResponseType.class));

        assertThatThrownBy(() -> controller.termsOn("sp-1", LocalDate.of(2020, 1, 1)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.kind()).isEqualTo(RuleViolationKind.NOT_FOUND);
                    assertThat(violation.code()).isEqualTo("agreement.no-terms-on-date");
                    assertThat(violation.arguments()).containsExactly("sp-1", "2020-01-01");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 3651})
    @DisplayName("A.4 withinDays outside 1–3650 → 422 query.within-days-out-of-range, nothing asked")
    void withinDaysOutOfRange(int withinDays) {
        assertThatThrownBy(() -> controller.expiring(withinDays)).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.kind()).isEqualTo(RuleViolationKind.UNPROCESSABLE);
            assertThat(violation.code()).isEqualTo("query.within-days-out-of-range");
        });
        verify(gateway, never()).query(any(ExpiringAgreementsQuery.class), eq(ExpiringAgreements.class));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 3650})
    @DisplayName("A.4 withinDays at and inside the bounds is asked as is")
    void withinDaysInRange(int withinDays) {
        ExpiringAgreements answer = new ExpiringAgreements(withinDays, LocalDate.of(2027, 1, 15), List.of());
        doReturn(CompletableFuture.completedFuture(answer)).when(gateway)
                .query(new ExpiringAgreementsQuery(withinDays), ExpiringAgreements.class);
        assertThat(controller.expiring(withinDays)).isSameAs(answer);
    }

    @Test
    @DisplayName("a service-point manager may read its own point's agreement only (403 otherwise)")
    void managerSeesOwnPointOnly() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new LendpointUser("manager-sp-1", "{noop}x", Role.POINT_MANAGER, "sp-1"), null, List.of()));

        assertThatThrownBy(() -> controller.detail("sp-2")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> controller.termsOn("sp-2", null)).isInstanceOf(AccessDeniedException.class);
        verify(gateway, never()).query(any(AgreementDetailQuery.class), any(ResponseType.class));
    }

    @Test
    @DisplayName("every problem code of the agreement and card queries has an English and a Chinese message")
    void problemMessagesInBothLanguages() throws IOException {
        for (String bundle : List.of("i18n/query.properties", "i18n/query_zh.properties")) {
            Properties messages = new Properties();
            try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
                    StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            assertThat(messages).as(bundle).containsKeys("error.agreement.not-found", "error.agreement.no-terms-on-date",
                    "error.card.not-found", "error.query.within-days-out-of-range");
        }
    }
}
