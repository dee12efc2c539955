package io.lendpoint.platform.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.lendpoint.api.calendar.CalendarNotCoveredException;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.error.RuleViolationDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import io.lendpoint.platform.concurrency.IfMatch;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps every failure to an RFC 9457 problem. Malformed input → 400, unknown ids → 404, a command not allowed
 * in the current state or colliding with existing data → 409, a rule of the standard refusing well-formed
 * input → 422. A failed command stores nothing: validation runs before dispatch and handlers apply events only
 * after their checks pass, inside a unit of work that rolls back on any exception.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemResponses problems;

    public ApiExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation, HttpServletRequest request) {
        return respond(violation.details(), request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failure, HttpServletRequest request) {
        Optional<RuleViolationDetails> details = failure.getDetails()
                .filter(RuleViolationDetails.class::isInstance).map(RuleViolationDetails.class::cast);
        if (details.isPresent()) {
            return respond(details.get(), request);
        }
        return unexpected(failure, request);
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<ProblemDetail> invalidCommand(JSR303ViolationException invalid, HttpServletRequest request) {
        List<Map<String, String>> errors = invalid.getViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", v.getPropertyPath().toString().replace(".<list element>", ""),
                        "message", v.getMessage()))
                .toList();
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation.failed", "The request is invalid",
                List.of(errors.size()));
        problem.setProperty("errors", errors);
        return send(problem, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable, HttpServletRequest request) {
        String field = unreadable.getCause() instanceof MismatchedInputException mismatch
                ? mismatch.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("")
                : "";
        String code = unreadable.getCause() instanceof InvalidFormatException ? "request.invalid-value" : "request.malformed";
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, code, "The request body is not valid JSON for this operation",
                List.of(field));
        if (!field.isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", problem.getDetail())));
        }
        return send(problem, request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception exception, HttpServletRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ((MissingServletRequestParameterException) exception).getParameterName();
        return send(problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-parameter", "Invalid parameter",
                List.of(name)), request);
    }

    @ExceptionHandler(IfMatch.InvalidIfMatchException.class)
    ResponseEntity<ProblemDetail> invalidIfMatch(IfMatch.InvalidIfMatchException invalid, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.BAD_REQUEST, "request.if-match-invalid", invalid.getMessage(),
                List.of()), request);
    }

    /** If-Match named an older version than the aggregate's (checked as the command's unit of work commits). */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException stale, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.PRECONDITION_FAILED, "aggregate.version-mismatch",
                "The aggregate has changed since it was read", List.of(String.valueOf(stale.getAggregateIdentifier()),
                        String.valueOf(stale.getActualVersion()), String.valueOf(stale.getExpectedVersion()))), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException notFound, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.NOT_FOUND, "aggregate.not-found", "Not found",
                List.of(notFound.getAggregateIdentifier())), request);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException exists, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.CONFLICT, "aggregate.already-exists", "It exists already", List.of()),
                request);
    }

    /** Optimistic conflict on an aggregate, or two commands locking the same aggregates in opposite order. */
    @ExceptionHandler({ConcurrencyException.class, DeadlockException.class})
    ResponseEntity<ProblemDetail> concurrent(Exception conflict, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed this at the same time; read it again and retry", List.of()), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException denied, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.FORBIDDEN, "forbidden", "You may not do this", List.of()), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException missing, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.NOT_FOUND, "path.not-found", "No such resource", List.of()), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException wrong, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method.not-allowed", "Method not allowed",
                List.of(wrong.getMethod())), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMediaType(HttpMediaTypeNotSupportedException wrong, HttpServletRequest request) {
        return send(problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type.unsupported",
                "Send application/json", List.of()), request);
    }

    /** A.3: the working-day calendar has no data for a date that a query needs: say so, never guess. */
    @ExceptionHandler(CalendarNotCoveredException.class)
    ResponseEntity<ProblemDetail> calendarNotCovered(CalendarNotCoveredException beyond, HttpServletRequest request) {
        log.error("working-day calendar data missing", beyond);
        return send(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "calendar.data-missing", beyond.getMessage(),
                List.of(String.valueOf(beyond.date()))), request);
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(EventStoreException failure, HttpServletRequest request) {
        log.error("event store failure", failure);
        return send(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "store.unavailable",
                "The event store could not take the change; nothing was stored", List.of()), request);
    }

    /**
     * Axon interrupted a handler that ran past its time limit (a city-wide evaluation of a very large city, say):
     * nothing was changed; the client may ask again, or ask for less.
     */
    @ExceptionHandler(AxonTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(AxonTimeoutException timeout, HttpServletRequest request) {
        log.error("handler timed out", timeout);
        return send(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "timeout",
                "The answer took too long and was abandoned; nothing was changed", List.of()), request);
    }

    /**
     * A query answered through the gateway fails wrapped ({@code join()}: CompletionException; the query bus:
     * QueryExecutionException): answer for what is inside.
     */
    @ExceptionHandler({CompletionException.class, ExecutionException.class, QueryExecutionException.class})
    ResponseEntity<ProblemDetail> wrapped(Exception wrapper, HttpServletRequest request) {
        Throwable cause = wrapper;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof QueryExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation, request);
        } else if (cause instanceof CalendarNotCoveredException beyond) {
            return calendarNotCovered(beyond, request);
        } else if (cause instanceof ConcurrencyException || cause instanceof DeadlockException) {
            return concurrent((Exception) cause, request);
        } else if (cause instanceof AccessDeniedException denied) {
            return forbidden(denied, request);
        } else if (cause instanceof CommandExecutionException failed) {
            return commandFailed(failed, request);
        } else if (cause instanceof AxonTimeoutException timeout) {
            return timedOut(timeout, request);
        }
        return unexpected(cause instanceof Exception exception ? exception : wrapper, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        if (failure instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return send(problems.problem(status, "http." + status.value(), status.getReasonPhrase(), List.of()), request);
        }
        log.error("unexpected failure", failure);
        return send(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; nothing was changed", List.of()), request);
    }

    private ResponseEntity<ProblemDetail> respond(RuleViolationDetails details, HttpServletRequest request) {
        HttpStatus status = switch (details.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
        };
        return send(problems.problem(status, details.code(), details.englishMessage(), details.arguments()), request);
    }

    private ResponseEntity<ProblemDetail> send(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
