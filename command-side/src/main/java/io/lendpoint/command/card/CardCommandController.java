package io.lendpoint.command.card;

import io.lendpoint.api.card.CancelCard;
import io.lendpoint.api.card.CardHolder;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.ChangeCardLimit;
import io.lendpoint.api.card.EraseCardHolderData;
import io.lendpoint.api.card.IssueCollectiveCard;
import io.lendpoint.api.card.ReinstateCard;
import io.lendpoint.api.card.ReleaseItems;
import io.lendpoint.api.card.ReplaceCard;
import io.lendpoint.api.card.ReportCardLost;
import io.lendpoint.api.card.ReserveItems;
import io.lendpoint.api.card.RevealCardHolder;
import io.lendpoint.api.card.SuspendCard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** §4.2.3, A.1.2, A.3, A.6: the collective card of a service point over HTTP. */
@RestController
@RequestMapping("/api/service-points/{servicePointId}/card")
@Tag(name = "Collective cards (commands)", description = "§4.2.3, A.1.2, A.3, A.6")
class CardCommandController {

    private final CommandGateway commands;

    CardCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.2.3 issue the card of an approved point whose agreement is in force")
    public ResponseEntity<Void> issue(@PathVariable String servicePointId, @RequestBody Issue body) {
        commands.sendAndWait(new IssueCollectiveCard(CardIds.forServicePoint(servicePointId), servicePointId,
                body.cardNumber(), body.holder()));
        return ResponseEntity.created(URI.create("/api/service-points/" + servicePointId + "/card")).build();
    }

    @PostMapping("/reservations")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "A.1.2 reserve items for a batch; refused beyond the card's limit")
    public ResponseEntity<Void> reserve(@PathVariable String servicePointId, @RequestBody Reservation body) {
        commands.sendAndWait(new ReserveItems(CardIds.forServicePoint(servicePointId), body.reservationId(),
                body.quantity()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/releases")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "A.1.2 release items of a reservation as they are accounted for")
    public ResponseEntity<Void> release(@PathVariable String servicePointId, @RequestBody Reservation body) {
        commands.sendAndWait(new ReleaseItems(CardIds.forServicePoint(servicePointId), body.reservationId(),
                body.quantity()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/limit")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "A.1.2, A.5 change the card's limit (after an amendment)")
    public ResponseEntity<Void> changeLimit(@PathVariable String servicePointId, @RequestBody Limit body) {
        commands.sendAndWait(new ChangeCardLimit(CardIds.forServicePoint(servicePointId), body.itemLimit()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/suspension")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "suspend the card (e.g. while overdue or on termination)")
    public ResponseEntity<Void> suspend(@PathVariable String servicePointId, @RequestBody Reason body) {
        commands.sendAndWait(new SuspendCard(CardIds.forServicePoint(servicePointId), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/reinstatement")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "lift a suspension")
    public ResponseEntity<Void> reinstate(@PathVariable String servicePointId, @RequestBody(required = false) Reason body) {
        commands.sendAndWait(new ReinstateCard(CardIds.forServicePoint(servicePointId), body == null ? null : body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/loss")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "report the card lost (挂失)")
    public ResponseEntity<Void> reportLost(@PathVariable String servicePointId, @RequestBody(required = false) Reason body) {
        commands.sendAndWait(new ReportCardLost(CardIds.forServicePoint(servicePointId), body == null ? null : body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/replacement")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "replace a lost card with a new card number")
    public ResponseEntity<Void> replace(@PathVariable String servicePointId, @RequestBody Replacement body) {
        commands.sendAndWait(new ReplaceCard(CardIds.forServicePoint(servicePointId), body.newCardNumber()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cancellation")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "A.3 cancel (注销) the card; only when nothing is outstanding")
    public ResponseEntity<Void> cancel(@PathVariable String servicePointId, @RequestBody Reason body) {
        commands.sendAndWait(new CancelCard(CardIds.forServicePoint(servicePointId), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/holder/disclosure")
    @PreAuthorize("hasRole('LIBRARY_ADMIN')")
    @Operation(summary = "A.6 read the holder's full personal data (administrator only; the read is recorded)")
    public CardHolder reveal(@PathVariable String servicePointId, @RequestBody Purpose body) {
        return commands.sendAndWait(new RevealCardHolder(CardIds.forServicePoint(servicePointId), body.purpose()));
    }

    @PostMapping("/holder/erasure")
    @PreAuthorize("hasRole('LIBRARY_ADMIN')")
    @Operation(summary = "A.6 erase a holder's personal data on request (the key is destroyed): the current holder's, "
            + "or a former holder's named by holderSubjectId")
    public ResponseEntity<Void> erase(@PathVariable String servicePointId, @RequestBody HolderErasure body) {
        commands.sendAndWait(new EraseCardHolderData(CardIds.forServicePoint(servicePointId), body.reason(),
                body.holderSubjectId()));
        return ResponseEntity.noContent().build();
    }

    record Issue(String cardNumber, CardHolder holder) {
    }

    record Reservation(String reservationId, int quantity) {
    }

    record Limit(int itemLimit) {
    }

    record Reason(String reason) {
    }

    /** Without {@code holderSubjectId}: the current holder. */
    record HolderErasure(String reason, String holderSubjectId) {
    }

    record Replacement(String newCardNumber) {
    }

    record Purpose(String purpose) {
    }
}
