package io.lendpoint.platform.concurrency;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Registers {@link IfMatchDispatchInterceptor} on the command bus. */
@Configuration(proxyBeanMethods = false)
public class IfMatchInterceptorRegistration {

    @Autowired
    void ifMatchOnCommands(ObjectProvider<CommandBus> commandBus) {
        commandBus.ifAvailable(bus -> bus.registerDispatchInterceptor(new IfMatchDispatchInterceptor()));
    }
}
