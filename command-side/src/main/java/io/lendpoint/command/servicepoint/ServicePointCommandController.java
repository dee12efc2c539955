package io.lendpoint.command.servicepoint;

import io.lendpoint.api.servicepoint.ActivateServicePoint;
import io.lendpoint.api.servicepoint.ApplyForServicePoint;
import io.lendpoint.api.servicepoint.ChangeService;
import io.lendpoint.api.servicepoint.RecordOnSiteReading;
import io.lendpoint.api.servicepoint.ServiceChangeKind;
import io.lendpoint.api.servicepoint.CompletePreparationItem;
import io.lendpoint.api.servicepoint.PreparationItem;
import io.lendpoint.api.servicepoint.ApproveServicePoint;
import io.lendpoint.api.servicepoint.ChangeServicePointContact;
import io.lendpoint.api.servicepoint.EraseContactData;
import io.lendpoint.api.servicepoint.SetNotificationEmail;
import io.lendpoint.api.servicepoint.ConditionFinding;
import io.lendpoint.api.servicepoint.InspectSite;
import io.lendpoint.api.servicepoint.RejectServicePoint;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** Commands of service-point setup (§4.1.2–§4.2.2) over HTTP. Thin: map the request, send, answer. */
@RestController
@RequestMapping("/api/service-points")
@Tag(name = "Service points (commands)", description = "§4.1–§4.2: apply, inspect, approve or reject")
class ServicePointCommandController {

    private final CommandGateway commands;
    private final PointScope scope;

    ServicePointCommandController(CommandGateway commands, PointScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§4.1.2, A.2.1 apply to become a service point",
            description = "servicePointId is optional; when given (e.g. for a safe retry) it must be new. "
                    + "A service-point manager may apply only for the point it is bound to.")
    public ResponseEntity<Created> apply(@RequestBody ApplyForServicePoint body) {
        String id = body.servicePointId() != null ? body.servicePointId() : "sp-" + UUID.randomUUID();
        scope.requireAccessTo(id);
        commands.sendAndWait(new ApplyForServicePoint(id, body.campaignId(), body.institution(), body.plan(),
                body.contact(), body.space(), body.qualification()));
        return ResponseEntity.created(URI.create("/api/service-points/" + id)).body(new Created(id));
    }

    @PostMapping("/{servicePointId}/inspections")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.2.1 record a site inspection with a verdict on §4.1.2 a, b and c",
            description = "inspector defaults to the signed-in user")
    public ResponseEntity<Void> inspect(@PathVariable String servicePointId, @RequestBody InspectionReport body) {
        String inspector = body.inspector() != null ? body.inspector() : scope.currentUserName();
        commands.sendAndWait(new InspectSite(servicePointId, body.inspectedOn(), inspector, body.needAndPlan(),
                body.responsiblePerson(), body.storageAndSafekeeping(), body.notes()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/approval")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.2.2 approve; refused unless the latest inspection passed a, b and c")
    public ResponseEntity<Void> approve(@PathVariable String servicePointId, @RequestBody(required = false) Decision body) {
        commands.sendAndWait(new ApproveServicePoint(servicePointId, body == null ? null : body.notes()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/rejection")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.2 reject the application, with a reason")
    public ResponseEntity<Void> reject(@PathVariable String servicePointId, @RequestBody Rejection body) {
        commands.sendAndWait(new RejectServicePoint(servicePointId, body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/contact")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§4.1.2 b change the person responsible for collective lending")
    public ResponseEntity<Void> changeContact(@PathVariable String servicePointId, @RequestBody ContactChange body) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new ChangeServicePointContact(servicePointId, body.contact(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/contact/erasure")
    @PreAuthorize("hasRole('LIBRARY_ADMIN')")
    @Operation(summary = "A.6 erase a former contact's phone on request (the key is destroyed); subjectId is the "
            + "phone's subject as the point's events show it")
    public ResponseEntity<Void> eraseContact(@PathVariable String servicePointId, @RequestBody ContactErasure body) {
        commands.sendAndWait(new EraseContactData(servicePointId, body.subjectId(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{servicePointId}/notification-email")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.4.1 set the mailbox the point's due reminders and overdue notices are also e-mailed to "
            + "(null stops the e-mails; the in-app inbox always gets them)")
    public ResponseEntity<Void> setNotificationEmail(@PathVariable String servicePointId,
                                                     @RequestBody NotificationEmail body) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new SetNotificationEmail(servicePointId, body.email()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/preparation")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.3 mark a preparation item done (site selection, collection allocation, staff "
            + "training, business hand-over)", description = "the point goes live by itself once the checklist is "
            + "complete, the agreement in force and the card active")
    public ResponseEntity<Void> prepare(@PathVariable String servicePointId, @RequestBody PreparationReport body) {
        commands.sendAndWait(new CompletePreparationItem(servicePointId, body.item(), body.completedOn(), body.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/activation")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§4.3 activate now (normally automatic); refused unless preparation, agreement and card are ready")
    public ResponseEntity<Void> activate(@PathVariable String servicePointId) {
        commands.sendAndWait(new ActivateServicePoint(servicePointId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/service-changes")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.3.2 a live point changes its service hours or content from a date")
    public ResponseEntity<Void> changeService(@PathVariable String servicePointId, @RequestBody ServiceChange body) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new ChangeService(servicePointId, body.kind(), body.description(), body.effectiveFrom()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{servicePointId}/on-site-reading")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§5.3.1 record a day's on-site reading (sessions and readers)")
    public ResponseEntity<Void> onSiteReading(@PathVariable String servicePointId, @RequestBody Reading body) {
        scope.requireAccessTo(servicePointId);
        commands.sendAndWait(new RecordOnSiteReading(servicePointId, body.day(), body.sessions(), body.readers()));
        return ResponseEntity.noContent().build();
    }

    record ServiceChange(ServiceChangeKind kind, String description, LocalDate effectiveFrom) {
    }

    record Reading(LocalDate day, int sessions, int readers) {
    }

    record PreparationReport(PreparationItem item, LocalDate completedOn, String note) {
    }

    record Created(String id) {
    }

    record InspectionReport(LocalDate inspectedOn, String inspector, ConditionFinding needAndPlan,
                            ConditionFinding responsiblePerson, ConditionFinding storageAndSafekeeping, String notes) {
    }

    record Decision(String notes) {
    }

    record Rejection(String reason) {
    }

    record ContactChange(ResponsibleContact contact, String reason) {
    }

    record ContactErasure(String subjectId, String reason) {
    }

    record NotificationEmail(String email) {
    }
}
