package io.lendpoint.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * For auditors: any aggregate's history as a timeline, a search of the whole event stream (by user, point, type,
 * time, paged by position), and an export of the stream or a slice as NDJSON with a manifest (count, first and last
 * position, SHA-256 of the file) to verify what was received. Personal data is masked unless the reader is the
 * library administrator.
 */
@RestController
@PreAuthorize("hasAnyRole('LIBRARY_ADMIN','AUDITOR')")
@Tag(name = "Audit", description = "the event store, read as it is")
class AuditController {

    static final int MAX_PAGE = 500;

    private final AuditTrail trail;
    private final ObjectMapper json;
    private final PointScope scope;

    AuditController(AuditTrail trail, ObjectMapper json, PointScope scope) {
        this.trail = trail;
        this.json = json;
        this.scope = scope;
    }

    @GetMapping("/api/audit/aggregates/{aggregateId}/history")
    @Operation(summary = "an aggregate's events in order: time, who (user, role), request and correlation, payload; "
            + "until: only those up to an instant")
    public List<AuditEvent> history(@PathVariable String aggregateId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until) {
        List<AuditEvent> history = trail.history(aggregateId, until, scope.isLibraryAdmin());
        if (history.isEmpty()) {
            throw RuleViolation.notFound("audit.aggregate-unknown", "No events of " + aggregateId, aggregateId);
        }
        return history;
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "search the event stream in order: by user, point (servicePointId in the payload or the "
            + "aggregate), type, time range; continue from nextPosition")
    public AuditEventPage search(@RequestParam(required = false) String user,
                                 @RequestParam(required = false) String servicePointId,
                                 @RequestParam(required = false) String type,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                 @RequestParam(required = false) Long fromPosition,
                                 @RequestParam(defaultValue = "100") int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw RuleViolation.unprocessable("query.size-out-of-range", "size must be 1 to " + MAX_PAGE, size,
                    MAX_PAGE);
        }
        List<AuditEvent> page = new ArrayList<>();
        Long next = trail.scan(fromPosition, from, to, null, new AuditFilter(user, servicePointId, type), size,
                scope.isLibraryAdmin(), page::add);
        return new AuditEventPage(page, next, size);
    }

    @GetMapping(path = "/api/audit/export", produces = "application/x-ndjson")
    @Operation(summary = "the event stream, or a filtered slice, as NDJSON (one event per line) up to untilPosition "
            + "(default: the head now, sent back in X-Lendpoint-Until-Position); verify it with /api/audit/export/manifest")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String user,
                                                        @RequestParam(required = false) String servicePointId,
                                                        @RequestParam(required = false) String type,
                                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                                        @RequestParam(required = false) Long untilPosition) {
        long until = untilPosition != null ? untilPosition : headOrZero();
        boolean unmasked = scope.isLibraryAdmin();
        AuditFilter filter = new AuditFilter(user, servicePointId, type);
        StreamingResponseBody body = out -> write(out, from, to, until, filter, unmasked);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header("X-Lendpoint-Until-Position", String.valueOf(until))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("lendpoint-events-" + until + ".ndjson").build().toString())
                .body(body);
    }

    @GetMapping("/api/audit/export/manifest")
    @Operation(summary = "the manifest of the export with the same parameters: count, first and last position, "
            + "SHA-256 of the NDJSON bytes")
    public ExportManifest manifest(@RequestParam(required = false) String user,
                                   @RequestParam(required = false) String servicePointId,
                                   @RequestParam(required = false) String type,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                   @RequestParam(required = false) Long untilPosition) throws IOException {
        long until = untilPosition != null ? untilPosition : headOrZero();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long[] summary = write(new DigestOutputStream(OutputStream.nullOutputStream(), sha256), from, to, until,
                    new AuditFilter(user, servicePointId, type), scope.isLibraryAdmin());
            return new ExportManifest(summary[0], summary[0] == 0 ? null : summary[1],
                    summary[0] == 0 ? null : summary[2], until, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Writes the slice as NDJSON; answers {count, first position, last position}. */
    private long[] write(OutputStream out, Instant from, Instant to, long until, AuditFilter filter,
                         boolean unmasked) throws IOException {
        long[] summary = {0, -1, -1};
        try {
            trail.scan(null, from, to, until, filter, Integer.MAX_VALUE, unmasked, event -> {
                try {
                    out.write(json.writeValueAsBytes(event));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                summary[1] = summary[0] == 0 ? event.position() : summary[1];
                summary[2] = event.position();
                summary[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return summary;
    }

    private long headOrZero() {
        Long head = trail.head();
        return head == null ? 0 : head;
    }

    /** What an auditor checks a received export against. */
    record ExportManifest(long count, Long firstPosition, Long lastPosition, long untilPosition, String sha256) {
    }
}
