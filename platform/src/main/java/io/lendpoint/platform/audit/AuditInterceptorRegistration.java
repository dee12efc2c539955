package io.lendpoint.platform.audit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link AuditMetadataDispatchInterceptor} on the command and query buses. Kept apart from the
 * correlation data providers: the buses are built from those providers, so one class holding both would be
 * a dependency cycle.
 */
@Configuration(proxyBeanMethods = false)
public class AuditInterceptorRegistration {

    @Autowired
    void stampOutgoingMessages(ObjectProvider<CommandBus> commandBus, ObjectProvider<QueryBus> queryBus) {
        AuditMetadataDispatchInterceptor interceptor = new AuditMetadataDispatchInterceptor();
        commandBus.ifAvailable(bus -> bus.registerDispatchInterceptor(interceptor));
        queryBus.ifAvailable(bus -> bus.registerDispatchInterceptor(interceptor));
    }
}
