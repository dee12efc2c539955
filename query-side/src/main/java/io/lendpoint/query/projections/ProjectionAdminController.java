package io.lendpoint.query.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Operators' view of the projections, and rebuilding one from the event store (library administrator only). */
@RestController
@PreAuthorize("hasRole('LIBRARY_ADMIN')")
@Tag(name = "Projections (administration)")
class ProjectionAdminController {

    private final Projections projections;
    private final IntegrityCheck integrity;
    private final DeadLetters deadLetters;

    ProjectionAdminController(Projections projections, IntegrityCheck integrity, DeadLetters deadLetters) {
        this.projections = projections;
        this.integrity = integrity;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(summary = "events a projection could not handle, parked with their cause (at most 200 listed), and "
            + "the count per processing group")
    public Map<String, Object> deadLetters() {
        return Map.of("counts", deadLetters.counts(), "items", deadLetters.list());
    }

    @PostMapping("/api/admin/dead-letters/retry")
    @Operation(summary = "hand every parked sequence back to its projection once; what still fails stays parked")
    public Map<String, Object> retryDeadLetters() {
        int through = deadLetters.retry();
        return Map.of("sequencesThrough", through, "counts", deadLetters.counts());
    }

    @GetMapping("/api/admin/projections/integrity")
    @Operation(summary = "compare the projections with the event store: per collection, aggregates and documents "
            + "counted, missing and extra documents, documents behind their aggregate's last handled event")
    public IntegrityReport integrity() {
        return integrity.run();
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "every projection: running, replaying, position against the head of the event stream")
    public List<ProjectionStatus> all() {
        return projections.all();
    }

    @GetMapping("/api/admin/projections/{name}")
    @Operation(summary = "one projection, with the progress of a rebuild started here (processed, rate, ETA)")
    public ProjectionStatus one(@PathVariable String name) {
        return projections.status(name);
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    @Operation(summary = "rebuild a projection from the start of the event stream; follow its progress at "
            + "/api/admin/projections/{name}")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name))
                .body(projections.replay(name));
    }
}
