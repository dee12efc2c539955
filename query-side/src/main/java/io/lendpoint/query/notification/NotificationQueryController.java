package io.lendpoint.query.notification;

import io.lendpoint.api.loanbatch.InboxPage;
import io.lendpoint.api.loanbatch.PointInboxQuery;
import io.lendpoint.api.notification.EmailDeliveriesQuery;
import io.lendpoint.api.notification.EmailDeliveryPage;
import io.lendpoint.platform.security.PointScope;
import io.lendpoint.query.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** §5.4.1: a point's notices over HTTP — its in-app inbox and its e-mail log; a manager sees its own point's. */
@RestController
@Tag(name = "Notifications")
class NotificationQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    NotificationQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/service-points/{servicePointId}/inbox")
    @Operation(summary = "§5.4.1 a point's in-app inbox: due reminders and overdue notices, newest first")
    public InboxPage inbox(@PathVariable String servicePointId, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        scope.requireAccessTo(servicePointId);
        Paging.check(page, size);
        return queries.query(new PointInboxQuery(servicePointId, page, size), InboxPage.class).join();
    }

    @GetMapping("/api/service-points/{servicePointId}/email-deliveries")
    @Operation(summary = "§5.4.1 the notices e-mailed to a point (newest first) with their status, and its notice "
            + "address; mailConfigured is false when no SMTP server is configured")
    public EmailDeliveryPage emailDeliveries(@PathVariable String servicePointId,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        scope.requireAccessTo(servicePointId);
        Paging.check(page, size);
        return queries.query(new EmailDeliveriesQuery(servicePointId, page, size), EmailDeliveryPage.class).join();
    }
}
