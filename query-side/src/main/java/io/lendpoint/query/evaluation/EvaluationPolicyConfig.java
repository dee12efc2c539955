package io.lendpoint.query.evaluation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluation policy from configuration: {@code lendpoint.evaluation.weights} as {@code code:weight,…} (the
 * default below), {@code turnover-target-per-year} and {@code participation-target-per-year}.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationPolicyConfig {

    static final String DEFAULT_WEIGHTS = "satisfaction.satisfied-share:0.25,collection.turnover:0.25,"
            + "returns.on-time-rate:0.15,activities.participants-per-reader:0.10,inspection.damage-loss-rate:0.10,"
            + "consultation.within-service-level-share:0.10,collection.not-used-share:0.05,refresh.punctuality:0.05";

    @Bean
    EvaluationPolicy evaluationPolicy(@Value("${lendpoint.evaluation.weights:" + DEFAULT_WEIGHTS + "}") String weights,
                                      @Value("${lendpoint.evaluation.turnover-target-per-year:2.0}") double turnover,
                                      @Value("${lendpoint.evaluation.participation-target-per-year:1.0}")
                                      double participation) {
        return new EvaluationPolicy(parse(weights), turnover, participation);
    }

    static Map<String, Double> parse(String weights) {
        Map<String, Double> parsed = new LinkedHashMap<>();
        for (String pair : weights.split(",")) {
            String[] parts = pair.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("lendpoint.evaluation.weights: expected code:weight, not " + pair);
            }
            parsed.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
        }
        return parsed;
    }
}
