package io.lendpoint.command.agreement;

import io.lendpoint.api.agreement.EraseHandlerData;
import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AmendAgreement;
import io.lendpoint.api.agreement.ConfirmAllBooksReturned;
import io.lendpoint.api.agreement.DraftAgreement;
import io.lendpoint.api.agreement.LodgeObjection;
import io.lendpoint.api.agreement.Party;
import io.lendpoint.api.agreement.RuleSetReference;
import io.lendpoint.api.agreement.Side;
import io.lendpoint.api.agreement.SignAgreement;
import io.lendpoint.api.agreement.TerminateAgreement;
import io.lendpoint.api.agreement.TerminationReason;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

/** §4.2.2, A.3–A.5: the agreement of a service point over HTTP (one agreement per point, successive contracts). */
@RestController
@RequestMapping("/api/service-points/{servicePointId}/agreement")
@Tag(name = "Agreements (commands)", description = "§4.2.2, A.3–A.5: draft, sign, amend, object, terminate, close")
class AgreementCommandController {

    /** The rule sets a new agreement refers to when the request names none (A.2.4, A.2.5; tables come with issue 5). */
    static final RuleSetReference DEFAULT_FINE_RULES = new RuleSetReference("fines-standard", 1);
    static final RuleSetReference DEFAULT_COMPENSATION_RULES = new RuleSetReference("compensation-standard", 1);

    private final CommandGateway commands;
    private final PointScope scope;

    AgreementCommandController(CommandGateway commands, PointScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.2.2 draft the agreement of an approved point",
            description = "terms default to the standard's: 2000 items, 1-year loan term, 2-year validity (A.1.2, A.4)")
    public ResponseEntity<Void> draft(@PathVariable String servicePointId, @RequestBody Draft body) {
        AgreementTerms terms = body.terms() != null ? body.terms()
                : AgreementTerms.standard(DEFAULT_FINE_RULES, DEFAULT_COMPENSATION_RULES);
        commands.sendAndWait(new DraftAgreement(AgreementIds.forServicePoint(servicePointId), servicePointId, terms,
                body.library(), body.servicePoint()));
        return ResponseEntity.created(URI.create("/api/service-points/" + servicePointId + "/agreement")).build();
    }

    @PostMapping("/handler-erasure")
    @PreAuthorize("hasRole('LIBRARY_ADMIN')")
    @Operation(summary = "A.6 erase a handler's phone on request (the key is destroyed); subjectId is the phone's "
            + "subject as the agreement's events show it")
    public ResponseEntity<Void> eraseHandler(@PathVariable String servicePointId, @RequestBody HandlerErasure body) {
        commands.sendAndWait(new EraseHandlerData(AgreementIds.forServicePoint(servicePointId), body.subjectId(),
                body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/signatures")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.2.2, A.2.2 record one party's signature; in force from the later of the two")
    public ResponseEntity<Void> sign(@PathVariable String servicePointId, @RequestBody Signature body) {
        commands.sendAndWait(new SignAgreement(AgreementIds.forServicePoint(servicePointId), body.side(),
                body.signatory(), body.signedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/amendments")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "A.5 amend the terms from a date")
    public ResponseEntity<Void> amend(@PathVariable String servicePointId, @RequestBody Amendment body) {
        commands.sendAndWait(new AmendAgreement(AgreementIds.forServicePoint(servicePointId), body.terms(),
                body.effectiveOn(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/objection")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "A.4 object to the agreement continuing; it then expires at the end of its validity",
            description = "a service-point manager may object for its own point's side only")
    public ResponseEntity<Void> object(@PathVariable String servicePointId, @RequestBody Objection body) {
        scope.requireAccessTo(servicePointId);
        if (scope.restriction().isPresent() && body.side() != Side.SERVICE_POINT) {
            throw new AccessDeniedException("a service-point manager objects for the service point's side only");
        }
        commands.sendAndWait(new LodgeObjection(AgreementIds.forServicePoint(servicePointId), body.side(),
                body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/termination")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "A.3 end the agreement early; all books are due back within 30 working days")
    public ResponseEntity<Void> terminate(@PathVariable String servicePointId, @RequestBody Termination body) {
        commands.sendAndWait(new TerminateAgreement(AgreementIds.forServicePoint(servicePointId), body.reason(),
                body.explanation()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/return-confirmation")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "A.3 confirm that every book is back; the ended agreement closes")
    public ResponseEntity<Void> confirmReturned(@PathVariable String servicePointId) {
        commands.sendAndWait(new ConfirmAllBooksReturned(AgreementIds.forServicePoint(servicePointId)));
        return ResponseEntity.noContent().build();
    }

    record Draft(AgreementTerms terms, Party library, Party servicePoint) {
    }

    record Signature(Side side, String signatory, LocalDate signedOn) {
    }

    record HandlerErasure(String subjectId, String reason) {
    }

    record Amendment(AgreementTerms terms, LocalDate effectiveOn, String reason) {
    }

    record Objection(Side side, String reason) {
    }

    record Termination(TerminationReason reason, String explanation) {
    }
}
