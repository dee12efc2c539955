package io.lendpoint.command.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The consultation service level from configuration; one working day (24 hours) unless set. */
@Configuration(proxyBeanMethods = false)
class ConsultationPolicyConfig {

    @Bean
    ConsultationPolicy consultationPolicy(@Value("${lendpoint.consultations.answer-within:PT24H}") Duration answerWithin) {
        return new ConsultationPolicy(answerWithin);
    }
}
