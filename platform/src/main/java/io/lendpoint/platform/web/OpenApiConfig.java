package io.lendpoint.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description (served at /v3/api-docs, browsable at /swagger-ui.html) with HTTP Basic login. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI lendpointOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Lendpoint API")
                        .description("Collective-lending service points (集体外借服务点) — commands are POST, queries "
                                + "are GET; failures are RFC 9457 application/problem+json in Chinese or English "
                                + "(Accept-Language).")
                        .version("0.1.0")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
