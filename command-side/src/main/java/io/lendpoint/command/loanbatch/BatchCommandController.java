package io.lendpoint.command.loanbatch;

import io.lendpoint.api.loanbatch.AcceptBatch;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.DeclineBatch;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** §5.1 loan-batch requests and the library's decision over HTTP. */
@RestController
@Tag(name = "Loan batches (commands)", description = "§5.1: request, accept (reserving on the card) or decline")
class BatchCommandController {

    private final CommandGateway commands;
    private final PointScope scope;

    BatchCommandController(CommandGateway commands, PointScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping("/api/service-points/{servicePointId}/batches")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.1 a live point requests books: classes and quantities, delivery date and place, loan period",
            description = "batchId is optional (a client-chosen id makes a retry safe); loanPeriodMonths defaults to "
                    + "the agreement's loan term. A service-point manager requests for its own point only.")
    public ResponseEntity<Created> request(@PathVariable String servicePointId, @RequestBody Request body) {
        scope.requireAccessTo(servicePointId);
        String batchId = body.batchId() != null ? body.batchId() : "batch-" + UUID.randomUUID();
        commands.sendAndWait(new RequestBatch(batchId, servicePointId, body.wanted(), body.wantedDeliveryDate(),
                body.deliveryPlace(), body.loanPeriodMonths(), body.note()));
        return ResponseEntity.created(URI.create("/api/batches/" + batchId)).body(new Created(batchId));
    }

    @PostMapping("/api/batches/{batchId}/acceptance")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.1, A.1.2 accept as asked or with adjusted quantities; reserves them on the card")
    public ResponseEntity<Void> accept(@PathVariable String batchId, @RequestBody(required = false) Acceptance body) {
        commands.sendAndWait(new AcceptBatch(batchId, body == null ? null : body.adjusted(),
                body == null ? null : body.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/decline")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.1 decline the request, with a reason")
    public ResponseEntity<Void> decline(@PathVariable String batchId, @RequestBody Decline body) {
        commands.sendAndWait(new DeclineBatch(batchId, body.reason()));
        return ResponseEntity.noContent().build();
    }

    record Request(String batchId, List<CategoryQuantity> wanted, LocalDate wantedDeliveryDate, String deliveryPlace,
                   Integer loanPeriodMonths, String note) {
    }

    record Acceptance(List<CategoryQuantity> adjusted, String note) {
    }

    record Decline(String reason) {
    }

    record Created(String id) {
    }
}
