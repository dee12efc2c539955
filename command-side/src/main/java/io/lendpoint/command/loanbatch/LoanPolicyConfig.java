package io.lendpoint.command.loanbatch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The loan policy from configuration: {@code lendpoint.batches.reminder-days} and {@code max-renewals}. */
@Configuration(proxyBeanMethods = false)
class LoanPolicyConfig {

    @Bean
    LoanPolicy loanPolicy(@Value("${lendpoint.batches.reminder-days:30,7,1}") List<Integer> reminderDays,
                          @Value("${lendpoint.batches.max-renewals:1}") int maxRenewals) {
        return new LoanPolicy(reminderDays, maxRenewals);
    }
}
