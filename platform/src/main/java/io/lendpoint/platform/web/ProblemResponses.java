package io.lendpoint.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Builds every failure response as an RFC 9457 problem: a stable {@code code} (also the last segment of
 * {@code type}), a {@code title} and {@code detail} in the caller's language, the request id, and for invalid
 * input the list of offending fields.
 */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "https://lendpoint.io/problems/";

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ObjectMapper json;

    public ProblemResponses(MessageSource messages, LocaleResolver localeResolver, ObjectMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    public ProblemDetail problem(HttpStatus status, String code, String fallbackDetail, List<?> arguments) {
        return problem(status, code, fallbackDetail, arguments, LocaleContextHolder.getLocale());
    }

    ProblemDetail problem(HttpStatus status, String code, String fallbackDetail, List<?> arguments, Locale locale) {
        String detail = messages.getMessage("error." + code, arguments.toArray(), fallbackDetail, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(messages.getMessage("status." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setProperty("code", code);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** Entry point for requests without valid credentials (401). */
    public void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"lendpoint\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required");
    }

    /** Handler for authenticated callers whose role may not do this (403). */
    public void forbidden(HttpServletRequest request, HttpServletResponse response,
                          AccessDeniedException exception) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "You may not do this");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                       String fallback) throws IOException {
        ProblemDetail problem = problem(status, code, fallback, List.of(), localeResolver.resolveLocale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
