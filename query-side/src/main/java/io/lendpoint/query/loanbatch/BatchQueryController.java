package io.lendpoint.query.loanbatch;

import io.lendpoint.query.Paging;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.loanbatch.BatchDetailQuery;
import io.lendpoint.api.loanbatch.BatchItems;
import io.lendpoint.api.loanbatch.BatchItemsQuery;
import io.lendpoint.api.loanbatch.BatchPage;
import io.lendpoint.api.loanbatch.BatchStatus;
import io.lendpoint.api.loanbatch.BatchView;
import io.lendpoint.api.loanbatch.CompensationDue;
import io.lendpoint.api.loanbatch.CompensationDueQuery;
import io.lendpoint.api.loanbatch.PointOutstanding;
import io.lendpoint.api.loanbatch.PointOutstandingQuery;
import io.lendpoint.api.loanbatch.DueSoonBatchesQuery;
import io.lendpoint.api.loanbatch.ItemLocation;
import io.lendpoint.api.loanbatch.ItemLocationQuery;
import io.lendpoint.api.loanbatch.OverdueBatchesQuery;
import io.lendpoint.api.loanbatch.PointBatchesQuery;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Loan batches over HTTP; a service-point manager sees its own point's batches only. */
@RestController
@Tag(name = "Loan batches (queries)")
class BatchQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    BatchQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/batches/{batchId}")
    @Operation(summary = "One loan batch: request, decision, quantities")
    public BatchView detail(@PathVariable String batchId) {
        BatchView batch = queries.query(new BatchDetailQuery(batchId), ResponseTypes.optionalInstanceOf(BatchView.class))
                .join().orElseThrow(() -> RuleViolation.notFound("batch.not-found", "There is no batch " + batchId,
                        batchId));
        scope.requireAccessTo(batch.servicePointId());
        return batch;
    }

    @GetMapping("/api/batches/{batchId}/items")
    @Operation(summary = "§5.2 the items of a batch with each item's state now (picked, in transit, at the point, "
            + "lent, back at the library, lost, written off)")
    public BatchItems items(@PathVariable String batchId) {
        BatchItems batch = queries.query(new BatchItemsQuery(batchId), ResponseTypes.optionalInstanceOf(BatchItems.class))
                .join().orElseThrow(() -> RuleViolation.notFound("batch.not-found", "There is no batch " + batchId,
                        batchId));
        scope.requireAccessTo(batch.servicePointId());
        return batch;
    }

    /** A.1.3: the item list of a shipped batch, for printing: {@code format=xlsx} (default) or {@code csv}. */
    @GetMapping("/api/batches/{batchId}/item-list")
    @Operation(summary = "A.1.3 the item list of a shipped batch as XLSX (default) or CSV (UTF-8 with BOM)")
    public ResponseEntity<byte[]> itemList(@PathVariable String batchId,
                                           @RequestParam(defaultValue = "xlsx") String format) throws IOException {
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw RuleViolation.unprocessable("query.format-unknown", "format must be xlsx or csv", format);
        }
        BatchItems batch = queries.query(new BatchItemsQuery(batchId), ResponseTypes.optionalInstanceOf(BatchItems.class))
                .join().orElseThrow(() -> RuleViolation.notFound("batch.not-found", "There is no batch " + batchId,
                        batchId));
        scope.requireAccessTo(batch.servicePointId());
        if (batch.shippedOn() == null) {
            throw RuleViolation.conflict("batch.not-shipped", "Batch " + batchId + " has not been shipped; its item "
                    + "list is final only then", batchId);
        }
        ItemListSheet sheet = new ItemListSheet(batch.batchId(), batch.servicePointName(), batch.shippedOn(),
                batch.items());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        if (format.equals("csv")) {
            ItemListExport.writeCsv(sheet, out);
            type = new MediaType("text", "csv", StandardCharsets.UTF_8);
        } else {
            ItemListExport.writeXlsx(sheet, out);
            type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("item-list-" + batchId + "." + format).build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/api/items/{barcode}")
    @Operation(summary = "Where is barcode X now: its batch, point and state (a manager: items of its own point)")
    public ItemLocation whereIs(@PathVariable String barcode) {
        ItemLocation location = queries.query(new ItemLocationQuery(barcode),
                        ResponseTypes.optionalInstanceOf(ItemLocation.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("item.unknown", "No batch has held item " + barcode, barcode));
        scope.requireAccessTo(location.servicePointId());
        return location;
    }

    @GetMapping("/api/service-points/{servicePointId}/outstanding")
    @Operation(summary = "A.1.2, §5.4 items a point has out, in total and batch by batch (paged, earliest due first)")
    public PointOutstanding outstanding(@PathVariable String servicePointId, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        scope.requireAccessTo(servicePointId);
        Paging.check(page, size);
        return queries.query(new PointOutstandingQuery(servicePointId, page, size), PointOutstanding.class).join();
    }

    @GetMapping("/api/service-points/{servicePointId}/compensation-due")
    @Operation(summary = "§5.4.2 compensation a point still owes and refunds owed to it for found items, item by "
            + "item (paged, oldest first), with the totals")
    public CompensationDue compensationDue(@PathVariable String servicePointId,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        scope.requireAccessTo(servicePointId);
        Paging.check(page, size);
        return queries.query(new CompensationDueQuery(servicePointId, page, size), CompensationDue.class).join();
    }

    @GetMapping("/api/batches/overdue")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "§5.4.1 batches past their due date with items still out, oldest due first")
    public BatchPage overdue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return queries.query(new OverdueBatchesQuery(page, size), BatchPage.class).join();
    }

    @GetMapping("/api/batches/due-soon")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "§5.4.1 batches due within the next N days, soonest first")
    public BatchPage dueSoon(@RequestParam(defaultValue = "30") int withinDays,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        if (withinDays < 1 || withinDays > 3650) {
            throw RuleViolation.unprocessable("query.within-days-out-of-range", "withinDays must be 1 to 3650",
                    withinDays);
        }
        return queries.query(new DueSoonBatchesQuery(withinDays, page, size), BatchPage.class).join();
    }



    @GetMapping("/api/service-points/{servicePointId}/batches")
    @Operation(summary = "A point's loan batches, newest request first, optionally of one status")
    public BatchPage list(@PathVariable String servicePointId, @RequestParam(required = false) BatchStatus status,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        scope.requireAccessTo(servicePointId);
        Paging.check(page, size);
        return queries.query(new PointBatchesQuery(servicePointId, status, page, size), BatchPage.class).join();
    }
}
