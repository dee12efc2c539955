package io.lendpoint.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.api.calendar.CalendarNotCoveredException;
import io.lendpoint.api.error.RuleViolation;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.time.LocalDate;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures that reach a controller wrapped (a query's join()) are answered for what is inside. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(
            new ProblemResponses(new StaticMessageSource(), new AcceptHeaderLocaleResolver(), new ObjectMapper()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/agreements/return-period");

    @Test
    @DisplayName("A.3 a calendar gap inside a query answers 503 calendar.data-missing, not 500")
    void calendarGapInsideQuery() {
        ResponseEntity<ProblemDetail> answer = handler.wrapped(new CompletionException(new CalendarNotCoveredException(
                LocalDate.of(2027, 1, 4), LocalDate.of(2004, 1, 1), LocalDate.of(2026, 12, 31), "bundled")), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "calendar.data-missing");
    }

    @Test
    @DisplayName("a query handler interrupted past its time limit answers 503 timeout, not 500, also when wrapped")
    void timedOutQuery() {
        AxonTimeoutException timeout = new AxonTimeoutException("Message [AreaEvaluationQuery] has timed out.");
        ResponseEntity<ProblemDetail> direct = handler.timedOut(timeout, request);
        ResponseEntity<ProblemDetail> wrapped = handler.wrapped(new CompletionException(
                new QueryExecutionException("failed", timeout)), request);
        for (ResponseEntity<ProblemDetail> answer : java.util.List.of(direct, wrapped)) {
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody().getProperties()).containsEntry("code", "timeout");
        }
    }

    @Test
    @DisplayName("a deadlock between aggregates inside a standing query answers 409, a rule violation its own status")
    void deadlockAndRuleInsideQuery() {
        assertThat(handler.wrapped(new CompletionException(new QueryExecutionException("failed",
                new DeadlockException("lock cycle"))), request).getStatusCode().value()).isEqualTo(409);
        assertThat(handler.wrapped(new CompletionException(RuleViolation.notFound("card.not-found", "none")), request)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(handler.wrapped(new CompletionException(new IllegalStateException("bug")), request)
                .getStatusCode().value()).isEqualTo(500);
    }
}
