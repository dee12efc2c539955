package io.lendpoint.platform.messaging;

import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Commands are validated (Bean Validation on the records in shared-api) when they are dispatched, before they
 * are routed anywhere, with messages in the caller's language; rule violations raised while handling come back
 * as details (see {@link CommandFailureTranslator}).
 */
@Configuration(proxyBeanMethods = false)
public class CommandBusInterceptorsConfig {

    @Autowired
    void registerInterceptors(ObjectProvider<CommandBus> commandBus, ValidatorFactory validatorFactory) {
        commandBus.ifAvailable(bus -> {
            bus.registerDispatchInterceptor(new BeanValidationInterceptor<>(validatorFactory));
            bus.registerHandlerInterceptor(new CommandFailureTranslator());
        });
    }
}
