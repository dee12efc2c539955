package io.lendpoint.command.operations;

import io.lendpoint.api.operations.RecordRefresh;
import io.lendpoint.api.operations.RefreshPlanIds;
import io.lendpoint.api.operations.SetRefreshSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** §6.2 refresh schedules over HTTP: library staff set a point's schedule and record a refresh carried out. */
@RestController
@PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
@Tag(name = "Refresh (commands)", description = "§6.2: regular refresh of a point's books")
class RefreshCommandController {

    private final CommandGateway commands;

    RefreshCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PutMapping("/api/service-points/{servicePointId}/refresh-schedule")
    @Operation(summary = "§6.2 set a live point's refresh schedule: every N months (1–24), next due on a date")
    public ResponseEntity<Void> schedule(@PathVariable String servicePointId, @RequestBody Schedule body) {
        commands.sendAndWait(new SetRefreshSchedule(RefreshPlanIds.forServicePoint(servicePointId), servicePointId,
                body.everyMonths(), body.nextDueOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/service-points/{servicePointId}/refreshes")
    @Operation(summary = "§6.2 record the due refresh as carried out (books sent back, new batch requested)")
    public ResponseEntity<Void> carriedOut(@PathVariable String servicePointId, @RequestBody CarriedOut body) {
        commands.sendAndWait(new RecordRefresh(RefreshPlanIds.forServicePoint(servicePointId), body.carriedOutOn(),
                body.newBatchId(), body.note()));
        return ResponseEntity.noContent().build();
    }

    record Schedule(Integer everyMonths, LocalDate nextDueOn) {
    }

    record CarriedOut(LocalDate carriedOutOn, String newBatchId, String note) {
    }
}
