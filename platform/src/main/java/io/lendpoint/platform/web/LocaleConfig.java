package io.lendpoint.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/** Messages are in Chinese (the default: the standard is Chinese) or English, chosen by {@code Accept-Language}. */
@Configuration(proxyBeanMethods = false)
public class LocaleConfig {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(CHINESE);
        return resolver;
    }
}
