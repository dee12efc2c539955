package io.lendpoint.platform.audit;

import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.platform.security.LendpointUser;
import io.lendpoint.platform.web.RequestIdFilter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.annotation.Nonnull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Adds the caller (user and role from Spring Security) and the HTTP request id to a command or query as it is
 * dispatched. Messages dispatched outside a request (deadlines, sagas) keep the metadata they were given,
 * which the correlation data providers copy from the message that caused them.
 */
class AuditMetadataDispatchInterceptor implements MessageDispatchInterceptor<Message<?>> {

    @Nonnull
    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(@Nonnull List<? extends Message<?>> messages) {
        return (index, message) -> {
            Map<String, Object> audit = new HashMap<>();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof LendpointUser user) {
                audit.put(AuditMetadata.USER, user.getUsername());
                audit.put(AuditMetadata.ROLE, user.role().name());
            }
            String requestId = MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId != null) {
                audit.put(AuditMetadata.REQUEST_ID, requestId);
            }
            return audit.isEmpty() ? message : message.andMetaData(audit);
        };
    }
}
