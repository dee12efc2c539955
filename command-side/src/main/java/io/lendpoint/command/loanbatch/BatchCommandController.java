package io.lendpoint.command.loanbatch;

import io.lendpoint.api.loanbatch.AcceptBatch;
import io.lendpoint.api.loanbatch.Box;
import io.lendpoint.api.loanbatch.ConfirmReceipt;
import io.lendpoint.api.loanbatch.InspectItems;
import io.lendpoint.api.loanbatch.Inspection;
import io.lendpoint.api.loanbatch.RenewBatch;
import io.lendpoint.api.loanbatch.LendItems;
import io.lendpoint.api.loanbatch.RenewItemLoan;
import io.lendpoint.api.loanbatch.ReturnItems;
import io.lendpoint.api.loanbatch.TakeBackItems;
import io.lendpoint.api.loanbatch.SettleCompensation;
import io.lendpoint.api.loanbatch.RecordLostItemFound;
import io.lendpoint.api.loanbatch.RecordRefundPaid;
import io.lendpoint.api.loanbatch.SettlementKind;
import io.lendpoint.api.loanbatch.ItemNote;
import io.lendpoint.api.loanbatch.ReceiptResult;
import io.lendpoint.api.loanbatch.ResolveDiscrepancy;
import io.lendpoint.api.loanbatch.Resolution;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.PackBatch;
import io.lendpoint.api.loanbatch.PickItems;
import io.lendpoint.api.loanbatch.ShipBatch;
import io.lendpoint.api.loanbatch.UnpickItems;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.DeclineBatch;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.platform.security.PointScope;
import io.lendpoint.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Map;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** §5.1–§5.2 loan batches over HTTP: request, decision, picking (JSON or CSV), packing, shipping. */
@RestController
@Tag(name = "Loan batches (commands)", description = "§5.1–§5.2: request, accept (reserving on the card) or decline; pick, pack, ship")
class BatchCommandController {

    private final CommandGateway commands;
    private final PointScope scope;
    private final ProblemResponses problems;

    BatchCommandController(CommandGateway commands, PointScope scope, ProblemResponses problems) {
        this.commands = commands;
        this.scope = scope;
        this.problems = problems;
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

    @PostMapping("/api/batches/{batchId}/items")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.2 add picked items (one scan or a whole list); rescans are skipped")
    public ResponseEntity<Void> pick(@PathVariable String batchId, @RequestBody Items body) {
        commands.sendAndWait(new PickItems(batchId, body.items()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/batches/{batchId}/items/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.2 add picked items from a CSV file (barcode,title,isbn,category,price,year or 条码,题名,"
            + "ISBN,分类号,价格,出版年)", description = "all or nothing: a file with any invalid row is refused with "
            + "422 and the result of every row that failed")
    public ResponseEntity<?> pickFromCsv(@PathVariable String batchId, @RequestParam("file") MultipartFile file)
            throws IOException {
        ItemListCsv.Result parsed = ItemListCsv.parse(file.getInputStream());
        if (!parsed.acceptable()) {
            ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "item.list-invalid",
                    "The item list has errors; nothing was added", List.of(parsed.fileErrors().size()
                            + parsed.rows().stream().filter(row -> !row.ok()).count()));
            problem.setProperty("fileErrors", parsed.fileErrors());
            problem.setProperty("rows", parsed.rows().stream().filter(row -> !row.ok())
                    .map(row -> Map.of("row", row.row(), "barcode", row.barcode(), "errors", row.errors())).toList());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        commands.sendAndWait(new PickItems(batchId, parsed.items()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/items/removal")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.2 take wrongly picked items out again, before packing")
    public ResponseEntity<Void> unpick(@PathVariable String batchId, @RequestBody Barcodes body) {
        commands.sendAndWait(new UnpickItems(batchId, body.barcodes()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/packing")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.2 pack into boxes (they must hold exactly the picked items); unpicked capacity is released")
    public ResponseEntity<Void> pack(@PathVariable String batchId, @RequestBody Packing body) {
        commands.sendAndWait(new PackBatch(batchId, body.boxes()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/shipment")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.2, A.1.3 ship the packed batch; its item list is then downloadable")
    public ResponseEntity<Void> ship(@PathVariable String batchId, @RequestBody Shipment body) {
        commands.sendAndWait(new ShipBatch(batchId, body.carrier(), body.vehicle(), body.shippedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/service-points/{servicePointId}/batches/{batchId}/receipt")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.2, A.2.2 the point confirms receipt with both handlers: scanned barcodes and damaged items",
            description = "answers the received count and the missing, extra and damaged items to resolve")
    public ReceiptResult receive(@PathVariable String servicePointId, @PathVariable String batchId,
                                 @RequestBody Receipt body) {
        scope.requireAccessTo(servicePointId);
        return commands.sendAndWait(new ConfirmReceipt(batchId, servicePointId, body.receivedOn(), body.libraryHandler(),
                body.servicePointHandler(), body.scannedBarcodes(), body.damagedOnArrival()));
    }

    @PostMapping("/api/batches/{batchId}/discrepancies/{barcode}/resolution")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.2 settle a receipt discrepancy: FOUND, WRITTEN_OFF, RETURNED or ACCEPTED_AS_IS")
    public ResponseEntity<Void> resolve(@PathVariable String batchId, @PathVariable String barcode,
                                        @RequestBody Settlement body) {
        commands.sendAndWait(new ResolveDiscrepancy(batchId, barcode, body.resolution(), body.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/service-points/{servicePointId}/batches/{batchId}/loans")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.3.1 the point lends items to a reader (a point-local reader number, not personal data)")
    public ResponseEntity<Void> lend(@PathVariable String servicePointId, @PathVariable String batchId,
                                     @RequestBody Loan body) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new LendItems(batchId, servicePointId, body.readerNumber(), body.barcodes(), body.lentOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/service-points/{servicePointId}/batches/{batchId}/loans/returns")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.3.1 readers bring items back to the point (a scanned pile)")
    public ResponseEntity<Void> takeBack(@PathVariable String servicePointId, @PathVariable String batchId,
                                         @RequestBody Return body) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new TakeBackItems(batchId, servicePointId, body.barcodes(), body.returnedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/service-points/{servicePointId}/batches/{batchId}/loans/{barcode}/renewal")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.3.1 a reader renews an item")
    public ResponseEntity<Void> renewLoan(@PathVariable String servicePointId, @PathVariable String batchId,
                                          @PathVariable String barcode) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new RenewItemLoan(batchId, servicePointId, barcode, java.time.LocalDate.now(io.lendpoint.api.LibraryTime.ZONE)));
        return ResponseEntity.noContent().build();
    }

    record Loan(String readerNumber, List<String> barcodes, LocalDate lentOn) {
    }

    @PostMapping("/api/service-points/{servicePointId}/batches/{batchId}/renewal")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "A.2.4 renew the whole batch before its due date (as often as the loan policy allows)")
    public ResponseEntity<Void> renew(@PathVariable String servicePointId, @PathVariable String batchId) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new RenewBatch(batchId, servicePointId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/returns")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.4.1, A.1.1 record items coming back (a scanned list; several shipments allowed)")
    public ResponseEntity<Void> returnItems(@PathVariable String batchId, @RequestBody Return body) {
        commands.sendAndWait(new ReturnItems(batchId, body.barcodes(), body.returnedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/inspections")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.4.2 inspect items (intact, damaged with severity, lost); compensation by the agreement's "
            + "rule set; the batch closes when every item is accounted for")
    public ResponseEntity<Void> inspect(@PathVariable String batchId, @RequestBody Inspections body) {
        commands.sendAndWait(new InspectItems(batchId, body.inspections()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/compensations/{barcode}/settlement")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.4.2, A.2.5 settle a compensation: PAID, REPLACED or WAIVED (with a reason)")
    public ResponseEntity<Void> settle(@PathVariable String batchId, @PathVariable String barcode,
                                       @RequestBody CompensationSettlement body) {
        commands.sendAndWait(new SettleCompensation(batchId, barcode, body.settlement(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/lost-items/{barcode}/found")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.4.2 a lost item was found: its compensation is refunded or deducted by its rule set "
            + "(overdue fines stay due)")
    public ResponseEntity<Void> found(@PathVariable String batchId, @PathVariable String barcode,
                                      @RequestBody Found body) {
        commands.sendAndWait(new RecordLostItemFound(batchId, barcode, body.foundOn(), body.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/batches/{batchId}/lost-items/{barcode}/refund")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§5.4.2 the refund owed for a found item was paid back to the point")
    public ResponseEntity<Void> refundPaid(@PathVariable String batchId, @PathVariable String barcode,
                                           @RequestBody RefundPayment body) {
        commands.sendAndWait(new RecordRefundPaid(batchId, barcode, body.paidOn()));
        return ResponseEntity.noContent().build();
    }

    record Found(LocalDate foundOn, String note) {
    }

    record RefundPayment(LocalDate paidOn) {
    }

    record Return(List<String> barcodes, LocalDate returnedOn) {
    }

    record Inspections(List<Inspection> inspections) {
    }

    record CompensationSettlement(SettlementKind settlement, String reason) {
    }

    record Receipt(LocalDate receivedOn, String libraryHandler, String servicePointHandler,
                   List<String> scannedBarcodes, List<ItemNote> damagedOnArrival) {
    }

    record Settlement(Resolution resolution, String note) {
    }

    record Items(List<ItemDescription> items) {
    }

    record Barcodes(List<String> barcodes) {
    }

    record Packing(List<Box> boxes) {
    }

    record Shipment(String carrier, String vehicle, LocalDate shippedOn) {
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
