package io.lendpoint.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Safe retries for frontends (IETF draft "The Idempotency-Key HTTP Header Field"): a command request (POST, PUT,
 * PATCH, DELETE under {@code /api/}) may carry {@code Idempotency-Key}. The first request with a key runs and its
 * successful answer is kept; a retry with the same key and the same request (method, path, query and body) gets
 * that answer again ({@code Idempotent-Replayed: true}) and nothing is stored; the same key with another request
 * is refused (422); while the first is still running, a retry is told so (409). Keys are per user and kept
 * {@link IdempotencyKeys#KEEP}. An answer that is not a success releases the key, so the request can be retried
 * after what made it fail is put right.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems, ObjectMapper json) {
        this.keys = keys;
        this.problems = problems;
        this.json = json;
    }

    /**
     * Uploads (multipart) pass untouched: the servlet container parses their parts from the raw stream, which a
     * fingerprint would consume. The one upload, a CSV item list, is idempotent by itself (a rescan changes nothing).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMAND_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || (request.getContentType() != null && request.getContentType().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(request, response, HttpStatus.BAD_REQUEST, "request.idempotency-key-invalid",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = sha256(request.getMethod() + " " + request.getRequestURI() + "?"
                + Optional.ofNullable(request.getQueryString()).orElse("") + "\n", body);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String keyHash = sha256((caller == null ? "" : caller.getName()) + "\n" + key + "\n", new byte[0]);
        if (!keys.claim(keyHash, fingerprint, Instant.now())) {
            replay(keyHash, fingerprint, request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), answer);
            byte[] content = answer.getContentAsByteArray();
            if (answer.getStatus() >= 200 && answer.getStatus() < 300 && content.length <= IdempotencyKeys.MAX_BODY) {
                keys.complete(keyHash, answer.getStatus(), answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), new String(content, StandardCharsets.UTF_8));
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(keyHash);
            }
            answer.copyBodyToResponse();
        }
    }

    private void replay(String keyHash, String fingerprint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<StoredResponse> stored = keys.find(keyHash);
        if (stored.isEmpty()) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency.in-progress",
                    "A request with this Idempotency-Key has just ended; retry");
        } else if (!stored.get().fingerprint().equals(fingerprint)) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key-reused",
                    "This Idempotency-Key was used for another request");
        } else if (!stored.get().completed()) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency.in-progress",
                    "The first request with this Idempotency-Key is still running");
        } else {
            StoredResponse first = stored.get();
            response.setStatus(first.status());
            response.setHeader(REPLAYED, "true");
            if (first.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, first.location());
            }
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            if (first.body() != null && !first.body().isEmpty()) {
                response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                         String detail) throws IOException {
        ProblemDetail problem = problems.problem(status, code, detail, List.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
